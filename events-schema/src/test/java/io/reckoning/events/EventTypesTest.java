package io.reckoning.events;

import io.reckoning.events.EventTypes.EventType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static io.reckoning.schema.JsonContract.read;
import static org.assertj.core.api.Assertions.assertThat;

class EventTypesTest {

    @Test
    void shouldHaveUniqueNames() {
        assertThat(EventTypes.all()).extracting(EventType::name).doesNotHaveDuplicates();
    }

    @Test
    void shouldHaveOneTypePerRecord() {
        assertThat(EventTypes.all()).extracting(EventType::javaType)
                .doesNotHaveDuplicates()
                .allSatisfy(javaType -> assertThat(javaType.isRecord()).as(javaType.getName()).isTrue());
    }

    @Test
    void shouldNotUseJavaClassNamesAsWireNames() {
        assertThat(EventTypes.all()).allSatisfy(type -> {
            assertThat(type.name()).doesNotContain(".");
            assertThat(type.version()).isPositive();
        });
    }

    @Test
    void shouldHaveATypeForEveryPermittedRunEvent() {
        List<Class<?>> events = concreteSubclasses(RunEvent.class);

        assertThat(events).isNotEmpty().allSatisfy(event ->
                assertThat(EventTypes.of(event)).as("event type of %s", event.getSimpleName()).isPresent());
    }

    @Test
    void shouldFindEveryTypeByClassAndByName() {
        assertThat(EventTypes.all()).allSatisfy(type -> {
            assertThat(EventTypes.of(type.javaType())).contains(type);
            assertThat(EventTypes.named(type.name())).contains(type);
        });
        assertThat(EventTypes.of(String.class)).isEmpty();
        assertThat(EventTypes.named("RunExploded")).isEmpty();
    }

    @Test
    void shouldFormatCloudEventTypesAsTheEnvelopeSchemaRequires() {
        String pattern = read("/schemas/messages/CloudEvent.v2.schema.json")
                .path("properties").path("type").path("pattern").asString();

        assertThat(pattern).isEqualTo("^reckoning\\.[A-Za-z]+\\.v[0-9]+$");
        assertThat(EventTypes.all()).allSatisfy(type ->
                assertThat(type.cloudEventType()).matches(Pattern.compile(pattern)));
        assertThat(EventTypes.of(RunStarted.class).orElseThrow().cloudEventType()).isEqualTo("reckoning.RunStarted.v1");
        assertThat(EventTypes.all()).extracting(EventType::cloudEventType).doesNotHaveDuplicates();
    }

    @Test
    void shouldLocateSchemasByNameAndVersion() {
        assertThat(EventTypes.of(StepAttested.class).orElseThrow().schemaResource())
                .isEqualTo("/schemas/events/StepAttested.v1.schema.json");
    }

    /** The records reachable from a sealed interface through its permitted subclasses, recursively. */
    private static List<Class<?>> concreteSubclasses(Class<?> sealed) {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                found.addAll(concreteSubclasses(permitted));
            } else {
                found.add(permitted);
            }
        }
        return found;
    }
}
