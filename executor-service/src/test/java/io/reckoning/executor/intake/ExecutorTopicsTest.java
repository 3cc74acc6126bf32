package io.reckoning.executor.intake;

import io.reckoning.executor.execution.StepExecutor;
import io.reckoning.messages.StepResult;
import io.reckoning.messages.StepTask;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorTopicsTest {

    @Test
    void shouldSubscribeToOneTaskTopicPerExecutorType() {
        ExecutorTopics topics = new ExecutorTopics(List.of(executor("transform"), executor("external"),
                executor("llm")));

        assertThat(topics.names()).containsExactly(
                "reckoning.step-tasks.external",
                "reckoning.step-tasks.llm",
                "reckoning.step-tasks.transform");
    }

    @Test
    void shouldNameTopicsAsTheTaskContractDoes() {
        ExecutorTopics topics = new ExecutorTopics(List.of(executor("transform")));

        assertThat(topics.names()).containsExactly(StepTask.topicFor("transform"));
    }

    @Test
    void shouldSubscribeToNothingWithoutExecutors() {
        assertThat(new ExecutorTopics(List.of()).names()).isEmpty();
    }

    @Test
    void shouldNotLetCallersChangeItsTopics() {
        ExecutorTopics topics = new ExecutorTopics(List.of(executor("transform")));

        topics.names()[0] = "reckoning.step-tasks.hijacked";

        assertThat(topics.names()).containsExactly("reckoning.step-tasks.transform");
    }

    /** An executor that only has a type; the topics never run it. */
    private static StepExecutor executor(String type) {
        return new StepExecutor() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public StepResult execute(StepTask task) {
                throw new UnsupportedOperationException("not run by these tests");
            }
        };
    }
}
