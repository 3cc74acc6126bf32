package io.reckoning.query.config;

import io.reckoning.events.WorkflowRegistered;

import java.util.Map;

/**
 * The events no read model of query-service handles, each with the reason. Every other event has a handler in
 * some projection; {@code ReadModelCoverageTest} checks both halves, so a new event cannot be forgotten quietly.
 */
public final class IgnoredEvents {

    public static final Map<Class<?>, String> ALL = Map.of(
            WorkflowRegistered.class, "There is no workflow read model yet; command-service's workflow catalog "
                    + "holds the registered versions.");

    private IgnoredEvents() {
    }
}
