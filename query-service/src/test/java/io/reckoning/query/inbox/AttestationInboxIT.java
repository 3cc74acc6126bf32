package io.reckoning.query.inbox;

import io.reckoning.events.AttestationOutcome;
import io.reckoning.events.RunStarted;
import io.reckoning.events.StepAttested;
import io.reckoning.events.StepAwaitingAttestation;
import io.reckoning.events.StepScheduled;
import io.reckoning.query.readmodel.ReadModelDatabase;
import io.reckoning.query.readmodel.RunView;
import io.reckoning.workflow.StepDefinition;
import io.reckoning.workflow.WorkflowDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator inbox over the run view, built by calling its handlers directly on a real PostgreSQL database. */
class AttestationInboxIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2030-01-02T03:04:05Z");

    private static ReadModelDatabase database;

    private RunView runView;
    private AttestationInbox inbox;

    @BeforeAll
    static void createDatabase() {
        database = ReadModelDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void setUp() {
        database.jdbc().update("delete from query.step_run");
        database.jdbc().update("delete from query.run_summary");
        runView = new RunView(database.jdbc(), JSON);
        inbox = new AttestationInbox(database.jdbc(), JSON);
    }

    @Test
    void shouldListTheWaitingStepsOldestFirstWithTheirInstructionsAndAttestors() {
        waiting("run-b", "lab-check", "inspect", List.of("alice"), "Inspect sample 7.", T0.plusSeconds(60));
        waiting("run-a", "paper-review", "review", List.of(), "Review the paper.", T0);
        waiting("run-c", "paper-review", "review", List.of("role:editor"), "Review the other paper.",
                T0.plusSeconds(120));

        List<PendingAttestation> pending = inbox.pending(null, T0.plusSeconds(600));

        assertThat(pending).extracting(PendingAttestation::runId).containsExactly("run-a", "run-b", "run-c");
        PendingAttestation first = pending.get(0);
        assertThat(first.stepId()).isEqualTo("review");
        assertThat(first.workflow()).isEqualTo("paper-review");
        assertThat(first.version()).isEqualTo(3);
        assertThat(first.instructions()).isEqualTo("Review the paper.");
        assertThat(first.attestors()).isEqualTo(JSON.readTree("[]"));
        assertThat(first.waitingSince()).isEqualTo(T0);
        assertThat(first.waitingSeconds()).isEqualTo(600);
        assertThat(pending.get(1).attestors()).isEqualTo(JSON.readTree("[\"alice\"]"));
        assertThat(pending.get(1).waitingSeconds()).isEqualTo(540);
    }

    @Test
    void shouldListOnlyTheStepsOfTheWorkflowAskedFor() {
        waiting("run-b", "lab-check", "inspect", List.of(), "Inspect.", T0);
        waiting("run-a", "paper-review", "review", List.of(), "Review.", T0);

        assertThat(inbox.pending("lab-check", T0)).extracting(PendingAttestation::runId).containsExactly("run-b");
        assertThat(inbox.pending("unknown", T0)).isEmpty();
    }

    @Test
    void shouldDropAStepOnceItIsAttested() {
        waiting("run-a", "paper-review", "review", List.of(), "Review.", T0);
        runView.apply(new StepAttested("run-a", "review", 1, AttestationOutcome.SUCCEEDED, null, List.of(), "alice",
                null), 4, T0.plusSeconds(5));

        assertThat(inbox.pending(null, T0.plusSeconds(10))).isEmpty();
    }

    /** A run of one external step that is waiting for attestation since {@code since}. */
    private void waiting(String runId, String workflow, String stepId, List<String> attestors, String instructions,
                         Instant since) {
        WorkflowDefinition definition = new WorkflowDefinition(workflow, Map.of(), List.of(new StepDefinition(stepId,
                "external", List.of(), null, instructions, null, null, null, null, null, attestors, null)), null);
        runView.apply(new RunStarted(runId, workflow, 3, "sha256:" + "ab".repeat(32), definition, Map.of(), null, null),
                0, since.minusSeconds(30));
        runView.apply(new StepScheduled(runId, stepId, 1, "external", Map.of("instructions", instructions)), 1,
                since.minusSeconds(20));
        runView.apply(new StepAwaitingAttestation(runId, stepId, 1, instructions), 2, since);
    }
}
