package io.reckoning.executor.execution.llm;

/**
 * How an llm call failed, as the step's error code, with whether another attempt could succeed by default.
 * A refusal (a content filter, a {@code refusal} stop reason) is {@link #INVALID_RESPONSE}: asking again with the
 * same prompt would be refused again.
 */
enum LlmErrorClass {

    /** 429: the provider asked to slow down; its {@code Retry-After}, if any, is honoured. */
    RATE_LIMITED("rate_limited", true),
    /** No whole answer within {@code reckoning.llm.timeout} (or a 408). */
    TIMEOUT("timeout", true),
    /** 5xx, 529 or no connection: retryable; any other 4xx (unknown model, prompt too long): not. */
    PROVIDER_ERROR("provider_error", true),
    /** An answer that is not the provider's format, a refusal, or not the JSON the step asked for. */
    INVALID_RESPONSE("invalid_response", false),
    /** 401 or 403: the key is missing, wrong or not allowed this model. */
    AUTH("auth", false);

    private final String code;
    private final boolean retryable;

    LlmErrorClass(String code, boolean retryable) {
        this.code = code;
        this.retryable = retryable;
    }

    String code() {
        return code;
    }

    boolean retryable() {
        return retryable;
    }
}
