package io.reckoning.support.health;

import java.util.List;

/** Thrown at start-up when PostgreSQL runs with settings that may lose committed transactions in a crash. */
public class UnsafeDatabase extends IllegalStateException {

    private final List<String> problems;

    UnsafeDatabase(List<String> problems) {
        super("Refusing to start: PostgreSQL may lose committed events in a crash (" + String.join("; ", problems) + ").");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
