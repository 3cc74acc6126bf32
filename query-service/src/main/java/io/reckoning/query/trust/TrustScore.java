package io.reckoning.query.trust;

import java.util.List;

/**
 * How far a workflow's steps can be trusted: of the steps that finished (succeeded or failed, attested ones
 * included) within the window, the share that succeeded without a correction.
 *
 * @param window  the window, ISO-8601 ({@code P30D})
 * @param overall the share over all its steps, null when none finished within the window
 */
public record TrustScore(String workflow, String window, List<Step> steps, Double overall) {

    /** One step of the workflow; {@code score} is {@code succeededWithoutCorrection / finished}. */
    public record Step(String stepId, long finished, long succeededWithoutCorrection, double score) {
    }

    static Double share(long succeededWithoutCorrection, long finished) {
        return finished == 0 ? null : (double) succeededWithoutCorrection / finished;
    }
}
