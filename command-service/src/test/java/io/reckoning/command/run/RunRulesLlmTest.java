package io.reckoning.command.run;

import io.reckoning.events.StepError;
import io.reckoning.messages.StepResult;
import io.reckoning.state.RunState;
import io.reckoning.workflow.InputDeclaration;
import io.reckoning.workflow.ResponseFormat;
import io.reckoning.workflow.StepDefinition;
import io.reckoning.workflow.StepTypes;
import io.reckoning.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.reckoning.command.run.RunFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;

/** What an llm step's task carries, and how the wait a provider asked for reaches the retry decision. */
class RunRulesLlmTest {

    @Test
    void shouldResolveThePromptAndSystemAndPassTheOtherLlmFieldsAsDeclared() {
        Map<String, Object> schema = Map.of("type", "object");
        StepDefinition step = new StepDefinition("ask", StepTypes.LLM, List.of(), null, null, null, null, null, null,
                null, null, null, "Summarize {{ inputs.text }}", "You review {{ inputs.field }} papers.", "m-1", 0.2,
                300, new ResponseFormat(ResponseFormat.JSON, schema));
        WorkflowDefinition definition = new WorkflowDefinition("w", Map.of(
                "text", new InputDeclaration("string", true), "field", new InputDeclaration("string", true)),
                List.of(step));
        RunState state = RunState.started(started(definition, Map.of("text", "the abstract", "field", "physics")));

        RunRules.Scheduling scheduling = RunRules.schedule(state, state.step("ask"));

        assertThat(scheduling.failure()).isNull();
        assertThat(scheduling.input()).containsExactly(
                Map.entry("prompt", "Summarize the abstract"),
                Map.entry("system", "You review physics papers."),
                Map.entry("model", "m-1"),
                Map.entry("temperature", 0.2),
                Map.entry("maxTokens", 300),
                Map.entry("responseFormat", Map.of("type", "json", "schema", schema)));
    }

    @Test
    void shouldLeaveOutTheLlmFieldsAStepDoesNotDeclare() {
        WorkflowDefinition definition = new WorkflowDefinition("w", Map.of(),
                List.of(StepDefinition.llm("ask", List.of(), "Say hello.")));
        RunState state = RunState.started(started(definition, Map.of()));

        assertThat(RunRules.schedule(state, state.step("ask")).input()).containsExactly(Map.entry("prompt", "Say hello."));
    }

    @Test
    void shouldReadTheRetryAfterOfAFailedResultAndIgnoreOneItCannotRead() {
        StepError error = new StepError("rate_limited", "Slow down.");

        assertThat(RunRules.retryAfter(failed(error, "PT30S"))).isEqualTo(Duration.ofSeconds(30));
        assertThat(RunRules.retryAfter(failed(error, null))).isNull();
        assertThat(RunRules.retryAfter(failed(error, "thirty seconds"))).isNull();
        assertThat(RunRules.retryAfter(failed(error, "-PT5S"))).isNull();
    }

    private static StepResult failed(StepError error, String retryAfter) {
        return new StepResult(RunFixtures.RUN, "ask", 1, StepResult.FAILED, null, error, true, List.of(), null,
                retryAfter);
    }
}
