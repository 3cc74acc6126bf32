package io.reckoning.executor.execution;

import io.reckoning.messages.StepResult;
import io.reckoning.messages.StepTask;

/**
 * Does the work of one step type. An implementation is a Spring bean; the intake subscribes to
 * {@code reckoning.step-tasks.<type>} for every one it finds. It must return promptly: work that waits on people
 * or other systems is announced ({@link StepResult#awaitingAttestation}), never awaited.
 */
public interface StepExecutor {

    String type();

    /** The outcome of the task; a thrown exception is reported as a failed attempt. */
    StepResult execute(StepTask task);
}
