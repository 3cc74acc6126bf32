package io.reckoning.query.audit;

import io.reckoning.audit.chain.ChainVerdict;

import java.util.List;

/**
 * The answer of {@code GET /api/runs/{runId}/audit}.
 *
 * @param chain            the hash chain: valid, or the first broken sequence and why
 * @param publishedHeads   the heads {@code reckoning.run-events} holds for the run, which the chain was compared with
 * @param derived          the state re-derived by replaying the stored events through the run state machine
 * @param replayProblem    why the replay stopped before the last event; null when it went through
 * @param readModel        what the read model (run_summary, step_run) says
 * @param matchesReadModel true when there is no difference
 * @param differences      every difference between {@code derived} and {@code readModel}, as sentences
 */
record AuditReport(String runId, ChainVerdict chain, PublishedHeadsCheck publishedHeads, RunView derived,
                   String replayProblem, RunView readModel, boolean matchesReadModel, List<String> differences) {

    /** Which published heads were found; {@code problem} says why none could be read. */
    record PublishedHeadsCheck(String topic, boolean available, int found, String problem) {
    }

    /** A run's status and its steps'; {@code lastSequence} is the last event applied. */
    record RunView(String status, Long lastSequence, List<StepView> steps) {
    }

    record StepView(String stepId, String status, int attempt) {
    }
}
