package io.reckoning.executor.execution.transform;

import io.reckoning.messages.StepResult;
import io.reckoning.messages.StepTask;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TransformExecutorTest {

    private final TransformExecutor executor = new TransformExecutor();

    @Test
    void shouldExecuteTransformSteps() {
        assertThat(executor.type()).isEqualTo("transform");
    }

    @Test
    void shouldSucceedWithItsResolvedOutputFieldAsOutput() {
        Map<String, Object> output = Map.of("url", "https://example.org/paper.pdf", "pages", List.of(1, 2));
        StepTask task = new StepTask("run-1", "extract", 2, "transform", Map.of("output", output),
                Instant.parse("2030-01-01T00:00:00Z"));

        StepResult result = executor.execute(task);

        assertThat(result.kind()).isEqualTo(StepResult.SUCCEEDED);
        assertThat(result.output()).isEqualTo(output);
        assertThat(result.runId()).isEqualTo("run-1");
        assertThat(result.stepId()).isEqualTo("extract");
        assertThat(result.attempt()).isEqualTo(2);
        assertThat(result.error()).isNull();
        assertThat(result.retryable()).isFalse();
        assertThat(result.artifacts()).isEmpty();
    }

    @Test
    void shouldPassAScalarOutputThroughUnchanged() {
        StepTask task = new StepTask("run-1", "count", 1, "transform", Map.of("output", 42), null);

        assertThat(executor.execute(task).output()).isEqualTo(42);
    }
}
