package io.reckoning.workflow;

/**
 * Retries of a step: up to {@code maxAttempts} attempts in all, the n-th retry after about
 * {@code backoff * 2^(n-1)} (at most {@code maxBackoff}), with jitter so that many failing steps do not retry in
 * step. Durations are ISO-8601; null fields take the defaults.
 */
public record RetryPolicy(Integer maxAttempts, String backoff, String maxBackoff) {

    public static final int DEFAULT_MAX_ATTEMPTS = 1;
    public static final String DEFAULT_BACKOFF = "PT1S";
    public static final String DEFAULT_MAX_BACKOFF = "PT5M";
}
