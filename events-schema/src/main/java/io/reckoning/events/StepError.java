package io.reckoning.events;

/**
 * Why a step failed.
 *
 * @param code a stable, machine-readable slug such as {@code template_unresolved} or {@code attested_failed}
 * @param message a sentence for people
 */
public record StepError(String code, String message) {
}
