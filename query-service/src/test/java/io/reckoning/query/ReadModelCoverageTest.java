package io.reckoning.query;

import io.reckoning.events.EventTypes;
import io.reckoning.events.EventTypes.EventType;
import io.reckoning.query.activity.ActivityProjection;
import io.reckoning.query.artifact.ArtifactProjection;
import io.reckoning.query.config.IgnoredEvents;
import io.reckoning.query.readmodel.Projection;
import io.reckoning.query.runsummary.RunSummaryProjection;
import io.reckoning.query.steprun.StepRunProjection;
import io.reckoning.query.workflowversion.WorkflowVersionProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event is handled by some read model of query-service or listed in {@link IgnoredEvents} with a reason
 * (after Zeebe's EventAppliersTest). A new event without either fails here, not in production.
 */
class ReadModelCoverageTest {

    private static final List<Class<?>> PROJECTIONS = projections();

    @Test
    void shouldFindTheProjectionsOfThisService() {
        assertThat(PROJECTIONS).contains(RunSummaryProjection.class, StepRunProjection.class,
                WorkflowVersionProjection.class, ArtifactProjection.class, ActivityProjection.class);
    }

    @Test
    void shouldMakeEveryProjectionReplayable() {
        // a handler that refuses replays (the run metrics) keeps no read model to rebuild
        assertThat(PROJECTIONS).filteredOn(type -> !type.isAnnotationPresent(DisallowReplay.class)).allSatisfy(projection -> assertThat(Projection.class.isAssignableFrom(projection))
                .as("%s implements Projection, so that /api/admin/projections can rebuild it", projection.getSimpleName())
                .isTrue());
    }

    @Test
    void shouldHandleEveryEventOrSayWhyNot() {
        assertThat(EventTypes.all()).allSatisfy(type -> assertThat(
                !handlersOf(type.javaType()).isEmpty() || IgnoredEvents.ALL.containsKey(type.javaType()))
                .as("%s is neither handled by a projection (%s) nor listed in IgnoredEvents", type.name(), PROJECTIONS)
                .isTrue());
    }

    @Test
    void shouldNotIgnoreAnEventThatIsHandled() {
        assertThat(IgnoredEvents.ALL.keySet()).allSatisfy(ignored -> assertThat(handlersOf(ignored))
                .as("%s is listed in IgnoredEvents but handled by", ignored.getSimpleName())
                .isEmpty());
    }

    @Test
    void shouldIgnoreOnlyKnownEventsAndSayWhy() {
        List<Class<?>> known = EventTypes.all().stream().<Class<?>>map(EventType::javaType).toList();

        assertThat(IgnoredEvents.ALL).allSatisfy((event, reason) -> {
            assertThat(known).as("event types").contains(event);
            assertThat(reason).as("reason for ignoring %s", event.getSimpleName()).isNotBlank();
        });
    }

    /** The {@code @EventHandler} methods of any projection that accept {@code event} as their payload. */
    private static List<String> handlersOf(Class<?> event) {
        List<String> handlers = new ArrayList<>();
        for (Class<?> projection : PROJECTIONS) {
            for (Class<?> type = projection; type != Object.class; type = type.getSuperclass()) {
                for (Method method : type.getDeclaredMethods()) {
                    EventHandler handler = AnnotatedElementUtils.findMergedAnnotation(method, EventHandler.class);
                    if (handler != null && payloadType(method, handler).isAssignableFrom(event)) {
                        handlers.add(projection.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        return handlers;
    }

    private static Class<?> payloadType(Method method, EventHandler handler) {
        if (handler.payloadType() != Object.class || method.getParameterCount() == 0) {
            return handler.payloadType();
        }
        return method.getParameterTypes()[0];
    }

    /** Every class of query-service that belongs to a processing group. */
    private static List<Class<?>> projections() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        return scanner.findCandidateComponents("io.reckoning.query").stream()
                .map(BeanDefinition::getBeanClassName)
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, ReadModelCoverageTest.class.getClassLoader()))
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
    }
}
