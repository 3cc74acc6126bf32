package io.reckoning.workflow;

import java.util.Set;

/** The step types the engine knows how to schedule. */
public final class StepTypes {

    public static final String TRANSFORM = "transform";
    public static final String EXTERNAL = "external";
    public static final Set<String> ALL = Set.of(TRANSFORM, EXTERNAL);

    private StepTypes() {
    }
}
