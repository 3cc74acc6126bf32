package io.reckoning.command.notification;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void shouldDoubleTheWaitAfterEachFailure() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(8)).isEqualTo(Duration.ofSeconds(128));
    }

    @Test
    void shouldNeverWaitLongerThanTheMaximum() {
        assertThat(backoff.after(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.after(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofMinutes(5));
        assertThat(new Backoff(Duration.ofMinutes(10), Duration.ofMinutes(5)).after(1)).isEqualTo(Duration.ofMinutes(5));
    }
}
