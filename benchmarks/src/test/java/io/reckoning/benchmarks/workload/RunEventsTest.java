package io.reckoning.benchmarks.workload;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark reads run events as docs/events.md describes the CloudEvents on reckoning.run-events. */
class RunEventsTest {

    @Test
    void shouldReadTheWireNameRunStepAttemptAndAppendTimeOfAStepEvent() {
        RunEvents.Event event = RunEvents.parse("""
                {"specversion": "1.0", "id": "x", "source": "/reckoning/command-service", "type": "reckoning.StepStarted.v1",
                 "subject": "r1", "time": "2026-03-01T14:02:37.512Z", "datacontenttype": "application/json", "sequence": 2,
                 "data": {"runId": "r1", "stepId": "a", "attempt": 1}}
                """);

        assertThat(event).isEqualTo(new RunEvents.Event("StepStarted", "r1", "a", 1,
                Instant.parse("2026-03-01T14:02:37.512Z")));
    }

    @Test
    void shouldReadARunEventWithoutStepAndSkipAWorkflowEvent() {
        assertThat(RunEvents.parse("""
                {"type": "reckoning.RunSucceeded.v1", "time": "2026-03-01T14:02:37Z", "data": {"runId": "r1"}}
                """)).isEqualTo(new RunEvents.Event("RunSucceeded", "r1", null, 0, Instant.parse("2026-03-01T14:02:37Z")));
        assertThat(RunEvents.parse("""
                {"type": "reckoning.WorkflowRegistered.v1", "time": "2026-03-01T14:02:37Z", "data": {"name": "demo"}}
                """)).isNull();
    }
}
