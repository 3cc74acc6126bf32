package io.reckoning.command.config;

import java.time.Duration;

/** Every meter command-service registers, in one place: {@code reckoning.<noun>.<unit or verb>}, low-cardinality tags. */
public final class CommandMetrics {

    /** Step tasks sent again because no executor picked them up in time. */
    public static final String REDISPATCHED = "reckoning.dispatch.redispatched";
    /** Pre-flight checks of run starts; tag {@code outcome}: {@code passed} or {@code failed}. */
    public static final String PREFLIGHT = "reckoning.preflight.checks";
    /**
     * Calls of attestation webhooks; tag {@code outcome}: {@code delivered} (2xx), {@code failed} (anything else,
     * to be retried) or {@code abandoned} (the last attempt failed).
     */
    public static final String WEBHOOK_CALLS = "reckoning.notification.webhook.calls";

    /** Events committed to the event store; tag {@code type}: the event's wire name. */
    public static final String EVENTS_APPENDED = "reckoning.events.appended";
    /**
     * From the start of a unit of work's commit (the append) to the end of the database commit, a histogram: how long
     * a command's events take to become durable.
     */
    public static final String APPEND_LATENCY = "reckoning.events.append.latency";
    /** Buckets of {@link #APPEND_LATENCY}. */
    public static final Duration[] APPEND_LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1)};

    private CommandMetrics() {
    }
}
