package io.reckoning.executor.execution.llm;

import io.reckoning.events.StepError;
import io.reckoning.messages.StepResult;
import io.reckoning.messages.StepTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one llm attempt: asks the configured provider, checks the answer, and turns the outcome into a result. A
 * classified failure becomes a failed result with its error class as code and its {@code retryable} flag (and a
 * provider's {@code Retry-After}); the step's retry policy does the rest in command-service.
 */
final class LlmExecutor {

    private static final Logger log = LoggerFactory.getLogger(LlmExecutor.class);

    private final LlmProvider provider;
    private final LlmProperties properties;
    private final LlmMetrics metrics;

    LlmExecutor(LlmProvider provider, LlmProperties properties, LlmMetrics metrics) {
        this.provider = provider;
        this.properties = properties;
        this.metrics = metrics;
    }

    StepResult execute(StepTask task) {
        LlmRequest request;
        try {
            request = LlmRequest.of(task.input(), properties);
        } catch (IllegalArgumentException e) {
            return StepResult.failed(task, new StepError("executor_error", e.getMessage()), false);
        }
        long started = System.nanoTime();
        LlmAnswer answer;
        try {
            answer = provider.complete(request);
        } catch (LlmFailure failure) {
            metrics.failed(provider.name(), request.model(), since(started), failure.errorClass());
            return failed(task, failure);
        }
        Duration latency = since(started);
        try {
            Object parsed = request.json() ? AnswerFormat.JSON.convertValue(
                    AnswerFormat.parse(answer.text(), request, label()), Object.class) : null;
            metrics.answered(provider.name(), request.model(), latency, answer);
            return StepResult.succeeded(task, output(request, answer, parsed, latency), List.of(), usage(answer));
        } catch (LlmFailure failure) {
            metrics.rejected(provider.name(), request.model(), latency, answer, failure.errorClass());
            return failed(task, failure);
        }
    }

    private static StepResult failed(StepTask task, LlmFailure failure) {
        log.info("llm step {} of run {} (attempt {}) failed: {} {}", task.stepId(), task.runId(), task.attempt(),
                failure.errorClass().code(), failure.getMessage());
        StepError error = new StepError(failure.errorClass().code(), failure.getMessage());
        return failure.retryable() && failure.retryAfter() != null
                ? StepResult.failed(task, error, failure.retryAfter())
                : StepResult.failed(task, error, failure.retryable());
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private String label() {
        return label(provider.name());
    }

    /** How messages name a provider: "The openai provider". */
    static String label(String provider) {
        return "The " + provider + " provider";
    }

    /** The step's output: the answer (text, or the parsed JSON) and what the provider reported about it. */
    private Map<String, Object> output(LlmRequest request, LlmAnswer answer, Object parsed, Duration latency) {
        Map<String, Object> output = new LinkedHashMap<>();
        if (request.json()) {
            output.put("json", parsed);
        } else {
            output.put("text", answer.text());
        }
        output.put("provider", provider.name());
        output.put("model", answer.model());
        output.put("finishReason", answer.finishReason());
        output.put("usage", usage(answer));
        output.put("latencyMs", latency.toMillis());
        if (provider instanceof FakeProvider) {
            output.put("fake", true); // never mistaken for a model's answer
        }
        return output;
    }

    private static Map<String, Object> usage(LlmAnswer answer) {
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("inputTokens", answer.inputTokens());
        usage.put("outputTokens", answer.outputTokens());
        return usage;
    }
}
