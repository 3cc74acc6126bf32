package io.reckoning.query.readmodel;

import io.reckoning.events.RunEvent;
import io.reckoning.query.runsummary.RunSummaryProjection;
import io.reckoning.query.steprun.StepRunProjection;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;

/**
 * The two projections of the run view (run-summary and step-run), their handlers called directly as the run-view
 * processor would: every {@code @EventHandler} whose payload type accepts the event. For queries over the run view
 * tested from other packages, where the handlers are not visible.
 */
public final class RunView {

    private final List<Object> projections;

    public RunView(JdbcTemplate jdbc, JsonMapper json) {
        this.projections = List.of(create(RunSummaryProjection.class, jdbc, json),
                create(StepRunProjection.class, jdbc, json));
    }

    /** Applies {@code event}, the {@code sequence}th of its run, recorded at {@code at}. */
    public void apply(RunEvent event, long sequence, Instant at) {
        for (Object projection : projections) {
            for (Method method : projection.getClass().getDeclaredMethods()) {
                if (method.isAnnotationPresent(EventHandler.class)
                        && method.getParameterTypes()[0].isInstance(event)) {
                    method.setAccessible(true);
                    try {
                        method.invoke(projection, event, sequence, at);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException(e.getCause());
                    }
                }
            }
        }
    }

    private static Object create(Class<?> type, JdbcTemplate jdbc, JsonMapper json) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(JdbcTemplate.class, JsonMapper.class);
            constructor.setAccessible(true);
            return constructor.newInstance(jdbc, json);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + type.getSimpleName(), e);
        }
    }
}
