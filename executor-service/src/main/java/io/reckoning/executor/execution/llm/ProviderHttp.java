package io.reckoning.executor.execution.llm;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP both real providers share: one JSON POST bounded by the configured timeout (the whole exchange, body
 * included), and the classification of what came back. Error messages quote the provider's own message, never
 * the request's headers, and the key is scrubbed from them anyway.
 */
final class ProviderHttp {

    private static final int MAX_QUOTED = 300;

    private final HttpClient client;
    private final JsonMapper json;
    private final Duration timeout;
    private final String apiKey;
    private final String label;
    private final Clock clock;

    ProviderHttp(JsonMapper json, LlmProperties properties, String label, Clock clock) {
        this.client = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        this.json = json;
        this.timeout = properties.timeout();
        this.apiKey = properties.apiKey();
        this.label = label;
        this.clock = clock;
    }

    /** POSTs {@code body} as JSON and returns the parsed 2xx answer; anything else is an {@link LlmFailure}. */
    JsonNode post(URI uri, Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        headers.forEach(request::header);
        HttpResponse<String> response = send(request.build());
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw classify(status, response);
        }
        try {
            return json.readTree(response.body());
        } catch (JacksonException e) {
            throw invalid("answered " + status + " with a body that is not JSON.");
        }
    }

    LlmFailure invalid(String what) {
        return new LlmFailure(LlmErrorClass.INVALID_RESPONSE, label + " " + what);
    }

    private HttpResponse<String> send(HttpRequest request) {
        CompletableFuture<HttpResponse<String>> call = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw timedOut();
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting for " + label);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw timedOut();
            }
            String reason = e.getCause() instanceof IOException io && io.getMessage() != null ? ": " + io.getMessage()
                    : " (" + e.getCause().getClass().getSimpleName() + ")";
            throw new LlmFailure(LlmErrorClass.PROVIDER_ERROR, label + " could not be reached" + scrub(reason) + ".");
        }
    }

    private LlmFailure timedOut() {
        return new LlmFailure(LlmErrorClass.TIMEOUT, label + " gave no whole answer within " + timeout + ".");
    }

    private LlmFailure classify(int status, HttpResponse<String> response) {
        String said = providerMessage(response.body());
        String message = label + " answered " + status + (said == null ? "." : ": " + said);
        Duration retryAfter = retryAfter(response);
        return switch (status) {
            case 401, 403 -> new LlmFailure(LlmErrorClass.AUTH, label + " refused the credentials (" + status
                    + "); check LLM_API_KEY and the model's access.");
            case 429 -> insufficientQuota(response.body())
                    ? new LlmFailure(LlmErrorClass.RATE_LIMITED, false, null, message)
                    : new LlmFailure(LlmErrorClass.RATE_LIMITED, true, retryAfter, message);
            case 408 -> new LlmFailure(LlmErrorClass.TIMEOUT, message);
            default -> status >= 500
                    ? new LlmFailure(LlmErrorClass.PROVIDER_ERROR, true, retryAfter, message)
                    : new LlmFailure(LlmErrorClass.PROVIDER_ERROR, false, null, message);
        };
    }

    /** OpenAI answers 429 also when the account has no credit left: no wait fixes that. */
    private boolean insufficientQuota(String body) {
        return body != null && body.contains("insufficient_quota");
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
    private Duration retryAfter(HttpResponse<String> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.strip()) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** The provider's own error message ({@code error.message} in both wire formats), shortened, or null. */
    private String providerMessage(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode message = json.readTree(body).path("error").path("message");
            if (message.isString() && !message.asString().isBlank()) {
                return scrub(shorten(message.asString()));
            }
        } catch (JacksonException e) {
            // not JSON: quote the start of it
        }
        return scrub(shorten(body.strip()));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "…";
    }

    private String scrub(String text) {
        return apiKey == null ? text : text.replace(apiKey, "[redacted]");
    }
}
