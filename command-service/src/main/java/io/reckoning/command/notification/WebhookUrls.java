package io.reckoning.command.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Which URL a waiting step notifies: its own {@code webhook}, else the global one; only absolute http(s) URLs. */
final class WebhookUrls {

    private WebhookUrls() {
    }

    /** The URL to call, or empty when none is configured; {@code stepWebhook} wins over {@code globalWebhook}. */
    static Optional<String> choose(String stepWebhook, String globalWebhook) {
        return Optional.ofNullable(stepWebhook != null ? stepWebhook : globalWebhook);
    }

    /** Whether {@code url} is an absolute http or https URL with a host. */
    static boolean isHttp(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
