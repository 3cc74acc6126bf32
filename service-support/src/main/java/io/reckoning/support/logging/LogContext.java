package io.reckoning.support.logging;

import org.slf4j.MDC;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * The run, step and attempt a thread is working on, in the logging MDC ({@value #RUN_ID}, {@value #STEP_ID},
 * {@value #ATTEMPT}) so every line a handler or listener logs can be found by run. Taken from a message's own
 * fields: a record's components or a JSON object's top-level fields of those names.
 */
public final class LogContext {

    public static final String RUN_ID = "runId";
    public static final String STEP_ID = "stepId";
    public static final String ATTEMPT = "attempt";

    private static final ClassValue<Map<String, RecordComponent>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, RecordComponent> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return Map.of();
            }
            Map<String, RecordComponent> found = new HashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals(RUN_ID) || component.getName().equals(STEP_ID)
                        || component.getName().equals(ATTEMPT)) {
                    found.put(component.getName(), component);
                }
            }
            return Map.copyOf(found);
        }
    };

    private LogContext() {
    }

    /** Puts whichever of run, step and attempt {@code payload} (a record) carries; false when it carries none. */
    public static boolean putFrom(Object payload) {
        if (payload == null) {
            return false;
        }
        Map<String, RecordComponent> components = COMPONENTS.get(payload.getClass());
        components.forEach((name, component) -> {
            try {
                Object value = component.getAccessor().invoke(payload);
                if (value != null) {
                    MDC.put(name, value.toString());
                }
            } catch (ReflectiveOperationException e) {
                // a component without a readable accessor adds nothing to the context
            }
        });
        return !components.isEmpty();
    }

    public static void clear() {
        MDC.remove(RUN_ID);
        MDC.remove(STEP_ID);
        MDC.remove(ATTEMPT);
    }
}
