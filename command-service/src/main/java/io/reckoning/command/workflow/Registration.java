package io.reckoning.command.workflow;

/** The answer to a registration; {@code created} is false when identical content was already registered. */
public record Registration(String name, int version, String digest, boolean created) {
}
