package io.reckoning.executor.intake;

import io.reckoning.executor.execution.StepExecutor;
import io.reckoning.messages.StepTask;
import org.springframework.stereotype.Component;

import java.util.List;

/** The task topics this service consumes: one per step type it has an executor for (public for SpEL). */
@Component("executorTopics")
public class ExecutorTopics {

    private final String[] names;

    ExecutorTopics(List<StepExecutor> executors) {
        this.names = executors.stream().map(StepExecutor::type).map(StepTask::topicFor).sorted().toArray(String[]::new);
    }

    public String[] names() {
        return names.clone();
    }
}
