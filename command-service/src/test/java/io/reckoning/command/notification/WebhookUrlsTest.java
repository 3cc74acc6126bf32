package io.reckoning.command.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookUrlsTest {

    @Test
    void shouldPreferTheStepsWebhookOverTheGlobalOne() {
        assertThat(WebhookUrls.choose("https://step.example/hook", "https://global.example/hook"))
                .contains("https://step.example/hook");
        assertThat(WebhookUrls.choose(null, "https://global.example/hook")).contains("https://global.example/hook");
        assertThat(WebhookUrls.choose(null, null)).isEmpty();
    }

    @Test
    void shouldAcceptOnlyAbsoluteHttpUrls() {
        assertThat(WebhookUrls.isHttp("http://127.0.0.1:8080/hook")).isTrue();
        assertThat(WebhookUrls.isHttp("HTTPS://example.com/a?b=c")).isTrue();
        assertThat(WebhookUrls.isHttp("")).isFalse();
        assertThat(WebhookUrls.isHttp("  ")).isFalse();
        assertThat(WebhookUrls.isHttp(null)).isFalse();
        assertThat(WebhookUrls.isHttp("ftp://example.com/hook")).isFalse();
        assertThat(WebhookUrls.isHttp("/hook")).isFalse();
        assertThat(WebhookUrls.isHttp("http://exa mple.com/")).isFalse();
    }
}
