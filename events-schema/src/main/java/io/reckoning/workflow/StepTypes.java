package io.reckoning.workflow;

import java.util.Set;

/** The step types the engine knows how to schedule. */
public final class StepTypes {

    public static final String TRANSFORM = "transform";
    public static final String EXTERNAL = "external";
    /** A durable timer; command-service runs it itself, so no executor and no task topic. */
    public static final String WAIT = "wait";
    /** A call to a language model through the provider the executor is configured with. */
    public static final String LLM = "llm";
    public static final Set<String> ALL = Set.of(TRANSFORM, EXTERNAL, WAIT, LLM);
    /** The types that executors run, each with its task topic. */
    public static final Set<String> DISPATCHED = Set.of(TRANSFORM, EXTERNAL, LLM);

    private StepTypes() {
    }
}
