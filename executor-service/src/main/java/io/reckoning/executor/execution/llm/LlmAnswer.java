package io.reckoning.executor.execution.llm;

/**
 * What a model answered: its text as it came, and what the provider reported about it.
 *
 * @param model the model that answered, as the provider names it (may be more specific than the one asked)
 * @param finishReason why the answer ended, in the provider's words ({@code stop}, {@code end_turn}, {@code length})
 */
record LlmAnswer(String text, String model, String finishReason, long inputTokens, long outputTokens) {
}
