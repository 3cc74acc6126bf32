package io.reckoning.command.config;

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

    private CommandMetrics() {
    }
}
