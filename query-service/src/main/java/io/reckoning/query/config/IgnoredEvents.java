package io.reckoning.query.config;

import java.util.Map;

/**
 * The events no read model of query-service handles, each with the reason. Every other event has a handler in
 * some projection; {@code ReadModelCoverageTest} checks both halves, so a new event cannot be forgotten quietly.
 * Today every event has a read model.
 */
public final class IgnoredEvents {

    public static final Map<Class<?>, String> ALL = Map.of();

    private IgnoredEvents() {
    }
}
