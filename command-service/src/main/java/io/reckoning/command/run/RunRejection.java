package io.reckoning.command.run;

import io.reckoning.state.RunStatus;
import io.reckoning.state.StepStatus;
import io.reckoning.support.web.ApiException;

import java.util.List;
import java.util.Map;

/** The ways the Run aggregate refuses a command, each a sentence with a stable slug. */
final class RunRejection {

    private RunRejection() {
    }

    static ApiException unknownStep(String runId, String stepId) {
        return new ApiException(404, "step-not-found", "Run " + runId + " has no step '" + stepId + "'.");
    }

    static ApiException stepNotWaiting(String stepId, StepStatus status) {
        return new ApiException(409, "step-not-waiting",
                "Step '" + stepId + "' is " + status + ", not WAITING, so it cannot be attested.",
                Map.of("stepId", stepId, "stepStatus", status.name()));
    }

    static ApiException notAnAttestor(String stepId, String principal, List<String> attestors) {
        return new ApiException(403, "attestation-forbidden", "'" + principal + "' may not attest step '" + stepId
                + "'; its attestors are " + attestors + ".", Map.of("stepId", stepId, "attestors", attestors));
    }

    static ApiException stepNotCorrectable(String stepId, StepStatus status) {
        return new ApiException(409, "step-not-succeeded", "Step '" + stepId + "' is " + status
                + "; only the output of a SUCCEEDED step can be corrected.",
                Map.of("stepId", stepId, "stepStatus", status.name()));
    }

    static ApiException runFinal(String runId, RunStatus status) {
        return new ApiException(409, "run-final", "Run " + runId + " is " + status + " already; a final run cannot change.",
                Map.of("runStatus", status.name()));
    }

    static ApiException idempotencyKeyReused(String runId) {
        return new ApiException(409, "idempotency-key-reused",
                "This idempotency key already started run " + runId + " with a different workflow, version or inputs.",
                Map.of("runId", runId));
    }
}
