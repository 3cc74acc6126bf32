package io.reckoning.command.notification;

import java.time.Duration;

/** Waits between webhook calls: {@code initial}, doubling after each failure, never more than {@code max}. */
record Backoff(Duration initial, Duration max) {

    /** The wait after the {@code failedCalls}-th failed call (1 for the first). */
    Duration after(int failedCalls) {
        Duration wait = initial;
        for (int i = 1; i < failedCalls && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
