package io.reckoning.executor.execution.llm;

/** One way of asking a model. Implementations throw {@link LlmFailure} for every failure, already classified. */
interface LlmProvider {

    /** The provider's name as configured ({@code openai}, {@code anthropic}, {@code fake}); a metric tag. */
    String name();

    LlmAnswer complete(LlmRequest request);
}
