package io.reckoning.query.config;

/** Every meter query-service registers, in one place: {@code reckoning.<noun>.<unit or verb>}, low-cardinality tags. */
public final class QueryMetrics {

    /**
     * The trust score of a workflow over the trust window: the share of its finished steps that succeeded without a
     * correction, 0 to 1; tag {@code workflow}. Absent for a workflow with no finished step in the window.
     */
    public static final String TRUST_SCORE = "reckoning.trust.score";

    private QueryMetrics() {
    }
}
