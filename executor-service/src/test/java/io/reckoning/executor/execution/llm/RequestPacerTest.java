package io.reckoning.executor.execution.llm;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate limit spaces calls out: n calls at r per second cannot all start before (n - 1) / r seconds. */
class RequestPacerTest {

    @Test
    void shouldSpaceCallsAtLeastOneIntervalApart() throws InterruptedException {
        RequestPacer pacer = new RequestPacer(20); // one call per 50 ms
        long start = System.nanoTime();

        for (int i = 0; i < 5; i++) {
            pacer.awaitTurn();
        }

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(200);
    }
}
