package io.reckoning.messages;

import io.reckoning.events.CloudEvent;
import io.reckoning.events.EventTypes;
import io.reckoning.events.EventTypes.EventType;
import io.reckoning.events.RunEvent;
import io.reckoning.events.StepAttested;
import io.reckoning.events.StepError;
import io.reckoning.events.WorkflowRegistered;
import io.reckoning.schema.JsonContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.reckoning.schema.ContractAssertions.assertRejectsEachMissingRequiredProperty;
import static io.reckoning.schema.ContractAssertions.assertRejectsExtraProperty;
import static io.reckoning.schema.ContractAssertions.assertSchemaDescribesRecord;
import static io.reckoning.schema.JsonContract.ID_BASE;
import static io.reckoning.schema.JsonContract.MAPPER;
import static io.reckoning.schema.JsonContract.errors;
import static io.reckoning.schema.JsonContract.exists;
import static io.reckoning.schema.JsonContract.read;
import static io.reckoning.schema.JsonContract.readObject;
import static io.reckoning.schema.JsonContract.roundTrip;
import static io.reckoning.schema.JsonContract.withoutNulls;
import static io.reckoning.schema.JsonContract.written;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka messages (StepTask, StepResult and the CloudEvents envelope) have schemas and golden examples; the
 * examples are valid, map onto the records and back unchanged, and the schemas reject them once broken.
 */
class MessageSchemaTest {

    private static final String TASK_SCHEMA = "/schemas/messages/StepTask.v1.schema.json";
    private static final String RESULT_SCHEMA = "/schemas/messages/StepResult.v1.schema.json";
    private static final String ENVELOPE_SCHEMA = "/schemas/messages/CloudEvent.v2.schema.json";

    /** One Kafka message type: its schema and golden example names, its current version, and its record. */
    record MessageType(String name, int version, Class<?> javaType) {

        String schemaResource() {
            return "/schemas/messages/" + name + ".v" + version + ".schema.json";
        }

        String example() {
            return "/examples/messages/" + name + ".v" + version + ".json";
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<MessageType> messageTypes() {
        return Stream.of(
                new MessageType("StepTask", 1, StepTask.class),
                new MessageType("StepResult", 1, StepResult.class),
                new MessageType("CloudEvent", 2, CloudEvent.class));
    }

    static Stream<EventType> eventTypes() {
        return EventTypes.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageTypes")
    void shouldHaveSchemaAndGoldenExample(MessageType type) {
        assertThat(exists(type.schemaResource())).as("schema %s", type.schemaResource()).isTrue();
        assertThat(exists(type.example())).as("golden example %s", type.example()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageTypes")
    void shouldIdentifySchemaByItsClasspathLocation(MessageType type) {
        JsonNode schema = read(type.schemaResource());

        assertThat(schema.path("$id").asString()).isEqualTo(ID_BASE + type.schemaResource());
        assertThat(schema.path("description").asString()).isNotBlank();
        assertThat(JsonContract.metaSchema().validate(schema)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageTypes")
    void shouldDescribeExactlyTheRecordComponents(MessageType type) {
        assertSchemaDescribesRecord(read(type.schemaResource()), type.javaType());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageTypes")
    void shouldValidateGoldenExample(MessageType type) {
        assertThat(errors(type.schemaResource(), read(type.example()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageTypes")
    void shouldRoundTripGoldenExampleThroughRecord(MessageType type) {
        JsonNode golden = read(type.example());

        assertThat(withoutNulls(roundTrip(golden, type.javaType()))).isEqualTo(withoutNulls(golden));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageTypes")
    void shouldRejectExampleWithoutARequiredProperty(MessageType type) {
        assertRejectsEachMissingRequiredProperty(type.schemaResource(), read(type.example()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageTypes")
    void shouldRejectExampleWithExtraProperty(MessageType type) {
        assertRejectsExtraProperty(type.schemaResource(), read(type.example()));
    }

    @Test
    void shouldHaveNoMessageSchemaOrExampleWithoutARecord() {
        List<String> names = messageTypes().map(MessageType::name).toList();

        assertThat(JsonContract.fileNames("/schemas/messages"))
                .allSatisfy(file -> assertThat(names).contains(file.replaceAll("\\.v[0-9]+\\.schema\\.json$", "")));
        assertThat(JsonContract.fileNames("/examples/messages"))
                .allSatisfy(file -> assertThat(names).contains(file.replaceAll("\\.v[0-9]+\\.json$", "")));
    }

    @Test
    void shouldWriteTaskDeadlineAsIsoInstant() {
        StepTask task = MAPPER.treeToValue(read("/examples/messages/StepTask.v1.json"), StepTask.class);

        assertThat(task.deadline()).isEqualTo(Instant.parse("2026-03-01T10:20:00Z"));
        assertThat(errors(TASK_SCHEMA, readObject("/examples/messages/StepTask.v1.json").put("deadline", "tomorrow")))
                .isNotEmpty();
        assertThat(errors(TASK_SCHEMA, readObject("/examples/messages/StepTask.v1.json").put("deadline", 1772360400)))
                .isNotEmpty();
    }

    @Test
    void shouldPublishTasksToATopicPerStepType() {
        assertThat(StepTask.topicFor("transform")).isEqualTo("reckoning.step-tasks.transform");
        assertThat(errors(TASK_SCHEMA, readObject("/examples/messages/StepTask.v1.json").put("type", "Not A Topic")))
                .isNotEmpty();
    }

    @Test
    void shouldValidateEveryResultTheFactoriesBuild() {
        StepTask task = MAPPER.treeToValue(read("/examples/messages/StepTask.v1.json"), StepTask.class);

        List<StepResult> results = List.of(
                StepResult.started(task),
                StepResult.succeeded(task, Map.of("url", "https://arxiv.org/abs/2403.01234"), List.of()),
                StepResult.succeeded(task, "a bare string is output too", null),
                StepResult.failed(task, new StepError("template_unresolved", "The template names no input."), true),
                StepResult.failed(task, new StepError("rate_limited", "The provider asked to wait."),
                        java.time.Duration.ofSeconds(30)),
                StepResult.awaitingAttestation(task));

        assertThat(results).allSatisfy(result -> {
            assertThat(errors(RESULT_SCHEMA, written(result))).as(result.kind()).isEmpty();
            assertThat(roundTrip(written(result), StepResult.class)).isEqualTo(written(result));
        });
    }

    @Test
    void shouldReadAResultWrittenBeforeRetryAfterExisted() {
        StepResult result = MAPPER.treeToValue(read("/examples/messages/StepResult.v1.json"), StepResult.class);

        assertThat(result.retryAfter()).isNull();
        assertThat(errors(RESULT_SCHEMA, readObject("/examples/messages/StepResult.v1.json").put("retryAfter", "30s")))
                .as("retryAfter is an ISO-8601 duration").isNotEmpty();
    }

    @Test
    void shouldListExactlyTheResultKinds() {
        JsonNode kind = read(RESULT_SCHEMA).path("properties").path("kind");

        assertThat(kind.path("enum").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrderElementsOf(StepResult.KINDS);
        assertThat(errors(RESULT_SCHEMA, readObject("/examples/messages/StepResult.v1.json").put("kind", "done")))
                .isNotEmpty();
    }

    @Test
    void shouldRequireAnErrorForAFailedResult() {
        ObjectNode failed = readObject("/examples/messages/StepResult.v1.json").put("kind", "failed");

        assertThat(errors(RESULT_SCHEMA, failed)).as("failed with error null").isNotEmpty();
        failed.remove("error");
        assertThat(errors(RESULT_SCHEMA, failed)).as("failed without error").isNotEmpty();
        failed.putObject("error").put("code", "executor_crashed").put("message", "The executor stopped.");
        assertThat(errors(RESULT_SCHEMA, failed)).as("failed with an error").isEmpty();
    }

    @Test
    void shouldCarryInCloudEventDataValidAgainstTheSchemaItsTypeNames() {
        JsonNode envelope = read("/examples/messages/CloudEvent.v2.json");
        EventType type = eventType(envelope.path("type").asString());

        assertThat(type.javaType()).isEqualTo(StepAttested.class);
        assertThat(errors(type.schemaResource(), envelope.path("data"))).isEmpty();
        assertThat(roundTrip(envelope.path("data"), type.javaType())).isEqualTo(envelope.path("data"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void shouldWrapEveryGoldenEventInAValidCloudEvent(EventType type) {
        Object event = MAPPER.treeToValue(read("/examples/events/" + type.name() + ".v1.json"), type.javaType());
        CloudEvent envelope = new CloudEvent(CloudEvent.SPEC_VERSION, "0b6f6c0e-7a7e-4c3b-9a55-1c1f5f3e2d10",
                "/reckoning/command-service", type.cloudEventType(), subject(event),
                Instant.parse("2026-03-01T14:02:37.512Z"), CloudEvent.JSON, 3, "ab".repeat(32), "cd".repeat(32), event);
        JsonNode json = written(envelope);

        assertThat(errors(ENVELOPE_SCHEMA, json)).isEmpty();
        assertThat(errors(type.schemaResource(), json.path("data"))).isEmpty();
        assertThat(MAPPER.treeToValue(json.path("data"), type.javaType())).isEqualTo(event);
    }

    @Test
    void shouldRejectMalformedEnvelopes() {
        assertThat(errors(ENVELOPE_SCHEMA, envelope().put("type", "io.reckoning.events.StepAttested")))
                .as("a Java class name as type").isNotEmpty();
        assertThat(errors(ENVELOPE_SCHEMA, envelope().put("type", "reckoning.StepAttested")))
                .as("a type without version").isNotEmpty();
        assertThat(errors(ENVELOPE_SCHEMA, envelope().put("specversion", "0.3")))
                .as("another CloudEvents version").isNotEmpty();
        assertThat(errors(ENVELOPE_SCHEMA, envelope().put("sequence", -1)))
                .as("a negative sequence").isNotEmpty();
        assertThat(errors(ENVELOPE_SCHEMA, envelope().put("time", "1 March 2026")))
                .as("a time that is not RFC 3339").isNotEmpty();
        assertThat(errors(ENVELOPE_SCHEMA, envelope().put("datacontenttype", "application/xml")))
                .as("data that is not JSON").isNotEmpty();
    }

    /** The run id, or the workflow name for workflow events. */
    private static String subject(Object event) {
        return event instanceof RunEvent runEvent ? runEvent.runId() : ((WorkflowRegistered) event).name();
    }

    private static ObjectNode envelope() {
        return readObject("/examples/messages/CloudEvent.v2.json");
    }

    private static EventType eventType(String cloudEventType) {
        return EventTypes.all().stream()
                .filter(type -> type.cloudEventType().equals(cloudEventType))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No event type for " + cloudEventType));
    }
}
