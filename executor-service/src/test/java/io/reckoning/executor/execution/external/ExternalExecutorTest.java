package io.reckoning.executor.execution.external;

import io.reckoning.messages.StepResult;
import io.reckoning.messages.StepTask;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExternalExecutorTest {

    private final ExternalExecutor executor = new ExternalExecutor();

    @Test
    void shouldExecuteExternalSteps() {
        assertThat(executor.type()).isEqualTo("external");
    }

    @Test
    void shouldAnnounceTheWaitForAnAttestationAndReturnAtOnce() {
        StepTask task = new StepTask("run-1", "simulate", 1, "external",
                Map.of("instructions", "Run the reference simulation."), Instant.parse("2030-01-01T00:00:00Z"));

        StepResult result = executor.execute(task);

        assertThat(result.kind()).isEqualTo(StepResult.AWAITING_ATTESTATION);
        assertThat(result.runId()).isEqualTo("run-1");
        assertThat(result.stepId()).isEqualTo("simulate");
        assertThat(result.attempt()).isEqualTo(1);
        assertThat(result.output()).isNull();
        assertThat(result.error()).isNull();
        assertThat(result.artifacts()).isEmpty();
    }
}
