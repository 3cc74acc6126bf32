package io.reckoning.support.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The PostgreSQL settings without which a committed event can be lost in a crash: {@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes}. A 2xx answer promises that the events are committed, so
 * a service refuses to start on a database that would break that promise.
 */
public record DurabilitySettings(Map<String, String> values) {

    /** The settings asked with {@code SHOW}, in the order they are reported. */
    public static final List<String> NAMES = List.of("fsync", "synchronous_commit", "full_page_writes");

    public DurabilitySettings {
        values = Map.copyOf(values);
    }

    /** One sentence per setting that is off; empty when the database is durable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String name : NAMES) {
            String value = values.get(name);
            if (value == null || "off".equalsIgnoreCase(value.strip())) {
                problems.add(name + " is " + (value == null ? "unknown" : value) + "; it must be on");
            }
        }
        return problems;
    }

    /** Reads the settings as the current session sees them (database- and role-level overrides included). */
    static DurabilitySettings show(Function<String, String> show) {
        Map<String, String> values = new LinkedHashMap<>();
        NAMES.forEach(name -> values.put(name, show.apply(name)));
        return new DurabilitySettings(values);
    }
}
