package io.reckoning.command.run;

import io.reckoning.events.StepScheduled;
import io.reckoning.state.RunState;
import io.reckoning.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static io.reckoning.command.Definitions.workflow;
import static io.reckoning.command.run.RunFixtures.RUN;
import static io.reckoning.command.run.RunFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RunRules#retryAt}: the jitter is random, so each bound is checked over many draws. The fixture tests in
 * {@link RunTimersTest} check the same bounds once each, through the aggregate.
 */
class RunRulesRetryTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final int DRAWS = 500;

    @Test
    void shouldWaitBetweenHalfAndAllOfTheBackoffBeforeTheFirstRetry() {
        RunState.Step step = stepOnAttempt(workflow("w").transform("a", 1).retry(3, "PT10S", "PT5M").build(), 1);

        assertThat(delays(step)).allSatisfy(delay ->
                assertThat(delay).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }

    @Test
    void shouldDoubleTheBackoffForEachFurtherRetry() {
        WorkflowDefinition definition = workflow("w").transform("a", 1).retry(4, "PT10S", "PT5M").build();

        assertThat(delays(stepOnAttempt(definition, 2))).allSatisfy(delay ->
                assertThat(delay).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20)));
        assertThat(delays(stepOnAttempt(definition, 3))).allSatisfy(delay ->
                assertThat(delay).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40)));
    }

    @Test
    void shouldCapTheBackoffAtMaxBackoff() {
        RunState.Step step = stepOnAttempt(workflow("w").transform("a", 1).retry(30, "PT10S", "PT1M").build(), 20);

        assertThat(delays(step)).allSatisfy(delay ->
                assertThat(delay).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(1)));
    }

    @Test
    void shouldSpreadRetriesOverTheWholeJitterRange() {
        RunState.Step step = stepOnAttempt(workflow("w").transform("a", 1).retry(3, "PT10S", "PT5M").build(), 1);

        assertThat(delays(step)).anySatisfy(delay -> assertThat(delay).isLessThan(Duration.ofSeconds(6)))
                .anySatisfy(delay -> assertThat(delay).isGreaterThan(Duration.ofSeconds(9)));
    }

    @Test
    void shouldGiveNoRetryOnceTheLastAttemptFailed() {
        RunState.Step step = stepOnAttempt(workflow("w").transform("a", 1).retry(3, "PT10S", null).build(), 3);

        assertThat(RunRules.retryAt(step, NOW)).isEmpty();
    }

    @Test
    void shouldGiveNoRetryWithoutARetryPolicy() {
        RunState.Step step = stepOnAttempt(workflow("w").transform("a", 1).build(), 1);

        assertThat(RunRules.retryAt(step, NOW)).isEmpty();
    }

    @Test
    void shouldGiveNoRetryWhenThePolicyLeavesMaxAttemptsToTheDefault() {
        RunState.Step step = stepOnAttempt(workflow("w").transform("a", 1).retry(null, "PT10S", null).build(), 1);

        assertThat(RunRules.retryAt(step, NOW)).isEmpty();
    }

    @Test
    void shouldWaitAtLeastWhatTheProviderAskedForEvenBeyondMaxBackoff() {
        RunState.Step step = stepOnAttempt(workflow("w").transform("a", 1).retry(3, "PT1S", "PT10S").build(), 1);

        assertThat(RunRules.retryAt(step, NOW, Duration.ofMinutes(2))).contains(NOW.plus(Duration.ofMinutes(2)));
    }

    @Test
    void shouldKeepTheBackoffWhenItIsLongerThanWhatTheProviderAskedFor() {
        RunState.Step step = stepOnAttempt(workflow("w").transform("a", 1).retry(3, "PT10S", "PT5M").build(), 1);

        assertThat(IntStream.range(0, DRAWS).mapToObj(draw -> RunRules.retryAt(step, NOW, Duration.ofSeconds(1))))
                .allSatisfy(retryAt -> assertThat(Duration.between(NOW, retryAt.orElseThrow()))
                        .isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }

    @Test
    void shouldGiveNoRetryOnceTheLastAttemptFailedWhateverTheProviderAsked() {
        RunState.Step step = stepOnAttempt(workflow("w").transform("a", 1).retry(2, "PT1S", null).build(), 2);

        assertThat(RunRules.retryAt(step, NOW, Duration.ofSeconds(30))).isEmpty();
    }

    private static RunState.Step stepOnAttempt(WorkflowDefinition definition, int attempt) {
        RunState state = RunState.started(started(definition, Map.of()));
        state.apply(new StepScheduled(RUN, "a", attempt, "transform", Map.of()));
        return state.step("a");
    }

    private static List<Duration> delays(RunState.Step step) {
        return IntStream.range(0, DRAWS)
                .mapToObj(draw -> RunRules.retryAt(step, NOW))
                .map(Optional::orElseThrow)
                .map(retryAt -> Duration.between(NOW, retryAt))
                .toList();
    }
}
