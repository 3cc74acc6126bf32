package io.reckoning.events;

/**
 * The output of a finished step was corrected. The original stays in the history; the run view shows the
 * corrected output and every correction.
 *
 * @param attempt   the attempt whose output is corrected
 * @param output    the corrected output (any JSON value)
 * @param reason    why, in the corrector's words
 * @param principal who corrected it, from authentication, never the body
 */
public record StepOutputCorrected(String runId, String stepId, int attempt, Object output, String reason,
                                  String principal) implements StepEvent {
}
