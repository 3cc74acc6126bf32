package io.reckoning.executor.execution.llm;

/** Answers in each provider's documented wire format, as the local server sends them. */
final class WireFormats {

    private WireFormats() {
    }

    /** An OpenAI Chat Completions answer. */
    static String openAi(String content, String finishReason, int promptTokens, int completionTokens) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-test-2024",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null},
                             "finish_reason":"%s"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
                """.formatted(AnswerFormat.JSON.writeValueAsString(content), finishReason, promptTokens,
                completionTokens, promptTokens + completionTokens);
    }

    /** An OpenAI error body. */
    static String openAiError(String type, String code, String message) {
        return """
                {"error":{"message":%s,"type":"%s","param":null,"code":"%s"}}
                """.formatted(AnswerFormat.JSON.writeValueAsString(message), type, code);
    }

    /** An Anthropic Messages answer. */
    static String anthropic(String text, String stopReason, int inputTokens, int outputTokens) {
        return """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-test-2024",
                 "content":[{"type":"text","text":%s}],"stop_reason":"%s","stop_sequence":null,
                 "usage":{"input_tokens":%d,"output_tokens":%d}}
                """.formatted(AnswerFormat.JSON.writeValueAsString(text), stopReason, inputTokens, outputTokens);
    }

    /** An Anthropic error body. */
    static String anthropicError(String type, String message) {
        return """
                {"type":"error","error":{"type":"%s","message":%s}}
                """.formatted(type, AnswerFormat.JSON.writeValueAsString(message));
    }
}
