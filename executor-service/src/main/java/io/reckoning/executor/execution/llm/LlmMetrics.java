package io.reckoning.executor.execution.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * Every meter of llm calls, named for the dashboards: tags {@code provider} and {@code model} (never a run id and
 * never the key).
 */
final class LlmMetrics {

    /** Calls; tag {@code outcome}: {@code success} or the error class ({@code rate_limited}, {@code timeout}, ...). */
    static final String REQUESTS = "reckoning.llm.requests";
    /** Tokens the provider counted; tag {@code kind}: {@code input} or {@code output}. */
    static final String TOKENS = "reckoning.llm.tokens";
    /** How long calls took, answered or not, with a percentile histogram. */
    static final String LATENCY = "reckoning.llm.latency";
    static final String SUCCESS = "success";

    private final MeterRegistry registry;

    LlmMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void answered(String provider, String model, Duration latency, LlmAnswer answer) {
        answered(provider, model, latency, answer, SUCCESS);
    }

    /** An answer that came back but was not what the step asked for: its tokens were spent all the same. */
    void rejected(String provider, String model, Duration latency, LlmAnswer answer, LlmErrorClass errorClass) {
        answered(provider, model, latency, answer, errorClass.code());
    }

    private void answered(String provider, String model, Duration latency, LlmAnswer answer, String outcome) {
        requests(provider, model, outcome).increment();
        tokens(provider, model, "input").increment(answer.inputTokens());
        tokens(provider, model, "output").increment(answer.outputTokens());
        latency(provider, model).record(latency);
    }

    void failed(String provider, String model, Duration latency, LlmErrorClass errorClass) {
        requests(provider, model, errorClass.code()).increment();
        latency(provider, model).record(latency);
    }

    private Counter requests(String provider, String model, String outcome) {
        return Counter.builder(REQUESTS).description("LLM calls by outcome")
                .tags("provider", provider, "model", model, "outcome", outcome).register(registry);
    }

    private Counter tokens(String provider, String model, String kind) {
        return Counter.builder(TOKENS).description("LLM tokens by kind").baseUnit("tokens")
                .tags("provider", provider, "model", model, "kind", kind).register(registry);
    }

    private Timer latency(String provider, String model) {
        return Timer.builder(LATENCY).description("LLM call latency").publishPercentileHistogram()
                .tags("provider", provider, "model", model).register(registry);
    }
}
