package io.reckoning.workflow;

/** One problem in a definition or a request: where (a JSON pointer) and what, as a sentence. */
public record Violation(String pointer, String message) {
}
