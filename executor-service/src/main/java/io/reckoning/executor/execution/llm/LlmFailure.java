package io.reckoning.executor.execution.llm;

import java.time.Duration;

/** A call that did not give a usable answer, classified; its message is safe to record (it never holds the key). */
final class LlmFailure extends RuntimeException {

    private final LlmErrorClass errorClass;
    private final boolean retryable;
    private final Duration retryAfter;

    LlmFailure(LlmErrorClass errorClass, boolean retryable, Duration retryAfter, String message) {
        super(message, null, false, false);
        this.errorClass = errorClass;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    LlmFailure(LlmErrorClass errorClass, String message) {
        this(errorClass, errorClass.retryable(), null, message);
    }

    LlmErrorClass errorClass() {
        return errorClass;
    }

    boolean retryable() {
        return retryable;
    }

    /** The wait the provider asked for before another call, or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}
