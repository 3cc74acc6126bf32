package io.reckoning.command.notification;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * One pending notification, the data of a scheduled {@code attestation-webhook} task (db-scheduler stores it with
 * Java serialization, so keep it small and its fields JDK types).
 *
 * @param attempt  the step's attempt that waits
 * @param delivery the call this is, counting from 1
 */
record WebhookCall(String url, String runId, String stepId, int attempt, String workflow, String instructions,
                   Instant waitingSince, int delivery) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** One task instance per waiting attempt, so a re-delivered event schedules nothing twice. */
    String instanceId() {
        return runId + "/" + stepId + "/" + attempt;
    }

    WebhookCall next() {
        return new WebhookCall(url, runId, stepId, attempt, workflow, instructions, waitingSince, delivery + 1);
    }

    /** The JSON body sent to the webhook. */
    AttestationPending payload() {
        return new AttestationPending(AttestationPending.TYPE, runId, stepId, attempt, workflow, instructions,
                waitingSince);
    }

    record AttestationPending(String type, String runId, String stepId, int attempt, String workflow,
                              String instructions, Instant waitingSince) {
        static final String TYPE = "attestation.pending";
    }
}
