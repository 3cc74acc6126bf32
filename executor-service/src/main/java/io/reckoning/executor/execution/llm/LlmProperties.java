package io.reckoning.executor.execution.llm;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * How llm steps reach a model ({@code reckoning.llm.*}; the contract's {@code LLM_PROVIDER}, {@code LLM_MODEL},
 * {@code LLM_API_KEY} and {@code LLM_BASE_URL} map onto the first four). {@link #toString()} never shows the key.
 *
 * @param provider       {@code openai} (any OpenAI-compatible Chat Completions server), {@code anthropic} or
 *                       {@code fake}; absent means {@code fake}
 * @param model          the model a step without its own {@code model} asks; required for a real provider
 * @param apiKey         the provider's key; required for {@code anthropic}, optional for OpenAI-compatible servers
 *                       that need none (a local Ollama)
 * @param baseUrl        where the provider listens; for {@code openai} including the version path
 *                       ({@code https://api.openai.com/v1}, the default), for {@code anthropic} without it
 *                       ({@code https://api.anthropic.com}, the default)
 * @param timeout        how long one call may take, from sending the request to the whole answer
 * @param maxConcurrency calls in flight at once; while that many run, the executor stops taking llm tasks
 * @param rateLimit      calls started per second at most; 0 means no limit
 * @param maxTokens      the answer's token limit for a step without {@code maxTokens} (Anthropic requires one)
 */
@ConfigurationProperties("reckoning.llm")
public record LlmProperties(String provider, String model, String apiKey, URI baseUrl, Duration timeout,
                            Integer maxConcurrency, Double rateLimit, Integer maxTokens) {

    public static final String OPENAI = "openai";
    public static final String ANTHROPIC = "anthropic";
    public static final String FAKE = "fake";

    public LlmProperties {
        provider = provider == null || provider.isBlank() ? FAKE : provider.strip().toLowerCase(Locale.ROOT);
        model = model == null || model.isBlank() ? null : model.strip();
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        timeout = timeout == null ? Duration.ofSeconds(120) : timeout;
        maxConcurrency = maxConcurrency == null ? 4 : maxConcurrency;
        rateLimit = rateLimit == null ? 0.0 : rateLimit;
        maxTokens = maxTokens == null ? 1024 : maxTokens;
        if (!provider.equals(OPENAI) && !provider.equals(ANTHROPIC) && !provider.equals(FAKE)) {
            throw new IllegalArgumentException("LLM_PROVIDER (reckoning.llm.provider) must be openai, anthropic or "
                    + "fake, not '" + provider + "'.");
        }
        if (!provider.equals(FAKE) && model == null) {
            throw new IllegalArgumentException("LLM_PROVIDER " + provider + " needs LLM_MODEL "
                    + "(reckoning.llm.model): the model a step without its own 'model' asks.");
        }
        if (provider.equals(ANTHROPIC) && apiKey == null) {
            throw new IllegalArgumentException("LLM_PROVIDER anthropic needs LLM_API_KEY (reckoning.llm.api-key).");
        }
        if (timeout.isNegative() || timeout.isZero() || maxConcurrency < 1 || rateLimit < 0 || maxTokens < 1) {
            throw new IllegalArgumentException("reckoning.llm.timeout must be positive, max-concurrency and "
                    + "max-tokens at least 1, and rate-limit not negative.");
        }
    }

    /** The base URL, or the provider's public endpoint when none is configured. */
    URI endpoint() {
        if (baseUrl != null) {
            return baseUrl;
        }
        return URI.create(provider.equals(ANTHROPIC) ? "https://api.anthropic.com" : "https://api.openai.com/v1");
    }

    @Override
    public String toString() {
        return "LlmProperties[provider=" + provider + ", model=" + model + ", apiKey="
                + (apiKey == null ? "none" : "(set)") + ", baseUrl=" + baseUrl + ", timeout=" + timeout
                + ", maxConcurrency=" + maxConcurrency + ", rateLimit=" + rateLimit + ", maxTokens=" + maxTokens + "]";
    }
}
