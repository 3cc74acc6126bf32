package io.reckoning.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reckoning.events.EventTypes.EventType;
import io.reckoning.schema.JsonContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type has a schema and a golden example; the example is valid, maps onto the record and back
 * unchanged, and the schema rejects it once broken.
 */
class EventSchemaTest {

    static Stream<EventType> eventTypes() {
        return EventTypes.all().stream();
    }

    static String example(EventType type) {
        return "/examples/events/" + type.name() + ".v" + type.version() + ".json";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void shouldHaveSchemaAndGoldenExampleForEveryEventType(EventType type) {
        assertThat(exists(type.schemaResource())).as("schema %s", type.schemaResource()).isTrue();
        assertThat(exists(example(type))).as("golden example %s", example(type)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void shouldIdentifySchemaByItsClasspathLocation(EventType type) {
        JsonNode schema = read(type.schemaResource());

        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).isEqualTo(ID_BASE + type.schemaResource());
        assertThat(schema.path("title").asString()).isEqualTo(type.name() + " v" + type.version());
        assertThat(schema.path("description").asString()).isNotBlank();
        assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
        assertThat(schema.path("additionalProperties").asBoolean()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void shouldBeValidDraft202012Schema(EventType type) {
        assertThat(JsonContract.metaSchema().validate(read(type.schemaResource()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void shouldDescribeExactlyTheRecordComponents(EventType type) {
        assertSchemaDescribesRecord(read(type.schemaResource()), type.javaType());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void shouldValidateGoldenExample(EventType type) {
        assertThat(errors(type.schemaResource(), read(example(type)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void shouldRoundTripGoldenExampleThroughRecord(EventType type) {
        JsonNode golden = read(example(type));

        assertThat(MAPPER.treeToValue(golden, type.javaType())).isInstanceOf(type.javaType());
        assertThat(withoutNulls(roundTrip(golden, type.javaType()))).isEqualTo(withoutNulls(golden));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void shouldAcceptEventWrittenWithoutNulls(EventType type) {
        JsonMapper nonNull = MAPPER.rebuild()
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
        Object event = MAPPER.treeToValue(read(example(type)), type.javaType());
        JsonNode written = nonNull.readTree(nonNull.writeValueAsString(event));

        assertThat(errors(type.schemaResource(), written)).isEmpty();
        assertThat(MAPPER.treeToValue(written, type.javaType())).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void shouldRejectExampleWithoutARequiredProperty(EventType type) {
        assertRejectsEachMissingRequiredProperty(type.schemaResource(), read(example(type)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void shouldRejectExampleWithExtraProperty(EventType type) {
        assertRejectsExtraProperty(type.schemaResource(), read(example(type)));
    }

    @Test
    void shouldHaveNoSchemaOrExampleWithoutAnEventType() {
        Set<String> known = EventTypes.all().stream()
                .map(type -> type.name() + ".v" + type.version())
                .collect(Collectors.toSet());

        assertThat(JsonContract.fileNames("/schemas/events"))
                .allSatisfy(file -> assertThat(known).contains(file.replace(".schema.json", "")));
        assertThat(JsonContract.fileNames("/examples/events"))
                .allSatisfy(file -> assertThat(known).contains(file.replace(".json", "")));
    }

    /**
     * Attempt 0: a step skipped before it was scheduled, an output a rerun reused from its original run, or the
     * correction of such an output.
     */
    @Test
    void shouldRequireAtLeastOneForEveryAttemptExceptOfASkippedStepOrAReusedOutput() {
        EventTypes.all().stream()
                .filter(type -> StepEvent.class.isAssignableFrom(type.javaType()))
                .forEach(type -> {
                    ObjectNode firstAttempt = readObject(example(type)).put("attempt", 1);
                    ObjectNode noAttempt = readObject(example(type)).put("attempt", 0);
                    ObjectNode negative = readObject(example(type)).put("attempt", -1);

                    assertThat(errors(type.schemaResource(), firstAttempt)).as(type.name()).isEmpty();
                    assertThat(errors(type.schemaResource(), negative)).as(type.name()).isNotEmpty();
                    if (type.javaType() == StepSkipped.class || type.javaType() == StepSucceeded.class
                            || type.javaType() == StepOutputCorrected.class) {
                        assertThat(errors(type.schemaResource(), noAttempt)).as(type.name()).isEmpty();
                    } else {
                        assertThat(errors(type.schemaResource(), noAttempt)).as(type.name()).isNotEmpty();
                    }
                });
    }

    @Test
    void shouldRejectRunIdThatIsNotACanonicalUuid() {
        String schema = "/schemas/events/RunSucceeded.v1.schema.json";

        assertThat(errors(schema, readObject("/examples/events/RunSucceeded.v1.json").put("runId", "run-42")))
                .isNotEmpty();
        assertThat(errors(schema, readObject("/examples/events/RunSucceeded.v1.json")
                .put("runId", "7F3C9A2E-4B1D-4C8E-9A6F-2D5E8B1C3F70"))).isNotEmpty();
    }

    @Test
    void shouldListExactlyTheAttestationOutcomes() {
        JsonNode outcome = read("/schemas/events/StepAttested.v1.schema.json").path("properties").path("outcome");

        assertThat(outcome.path("enum").values()).extracting(JsonNode::asString)
                .containsExactlyElementsOf(Arrays.stream(AttestationOutcome.values()).map(Enum::name).toList());
        assertThat(errors("/schemas/events/StepAttested.v1.schema.json",
                readObject("/examples/events/StepAttested.v1.json").put("outcome", "MAYBE"))).isNotEmpty();
    }

    @Test
    void shouldAcceptWellFormedArtifacts() {
        ObjectNode attested = readObject("/examples/events/StepAttested.v1.json");
        ObjectNode artifact = (ObjectNode) attested.path("artifacts").path(0);
        artifact.put("sizeBytes", 0).put("name", "x".repeat(255)).put("mediaType", "application/vnd.apache.parquet");

        assertThat(errors("/schemas/events/StepAttested.v1.schema.json", attested)).isEmpty();
    }

    @Test
    void shouldRejectMalformedArtifacts() {
        String schema = "/schemas/events/StepAttested.v1.schema.json";
        String sha256 = "9c56cc51b374c3ba189210d5b6d4bf57790d351c96c47c02190ecf1e430635ab";

        assertThat(errors(schema, withArtifact(artifact -> artifact.put("sha256", sha256.toUpperCase()))))
                .as("uppercase sha256").isNotEmpty();
        assertThat(errors(schema, withArtifact(artifact -> artifact.put("sha256", sha256.substring(1)))))
                .as("63 hex digits").isNotEmpty();
        assertThat(errors(schema, withArtifact(artifact -> artifact.put("sizeBytes", -1))))
                .as("negative size").isNotEmpty();
        assertThat(errors(schema, withArtifact(artifact -> artifact.put("sizeBytes", 1.5))))
                .as("fractional size").isNotEmpty();
        assertThat(errors(schema, withArtifact(artifact -> artifact.put("name", "x".repeat(256)))))
                .as("name of 256 characters").isNotEmpty();
        assertThat(errors(schema, withArtifact(artifact -> artifact.put("mediaType", "pdf"))))
                .as("media type without subtype").isNotEmpty();
        assertThat(errors(schema, withArtifact(artifact -> artifact.remove("uri"))))
                .as("no uri").isNotEmpty();
        assertThat(errors(schema, withArtifact(artifact -> artifact.put("path", "/tmp/x"))))
                .as("unknown property").isNotEmpty();
    }

    @Test
    void shouldRejectDefinitionSnapshotThatBreaksTheWorkflowSchema() {
        String schema = "/schemas/events/RunStarted.v1.schema.json";
        ObjectNode withoutOutput = readObject("/examples/events/RunStarted.v1.json");
        ((ObjectNode) steps(withoutOutput).path(0)).putNull("output");
        ObjectNode withoutNeeds = readObject("/examples/events/RunStarted.v1.json");
        ((ObjectNode) steps(withoutNeeds).path(0)).remove("needs");
        ObjectNode unknownType = readObject("/examples/events/RunStarted.v1.json");
        ((ObjectNode) steps(unknownType).path(0)).put("type", "teleport");

        assertThat(errors(schema, withoutOutput)).as("transform step without output").isNotEmpty();
        assertThat(errors(schema, withoutNeeds)).as("stored step without needs").isNotEmpty();
        assertThat(errors(schema, unknownType)).as("unknown step type").isNotEmpty();
    }

    @Test
    void shouldListExactlyTheTimeoutPhases() {
        String schema = "/schemas/events/StepTimedOut.v1.schema.json";
        JsonNode phase = read(schema).path("properties").path("phase");

        assertThat(phase.path("enum").values()).extracting(JsonNode::asString)
                .containsExactly(StepTimedOut.DISPATCH, StepTimedOut.EXECUTION);
        assertThat(errors(schema, readObject("/examples/events/StepTimedOut.v1.json").put("phase", "queue")))
                .isNotEmpty();
        assertThat(errors(schema, readObject("/examples/events/StepTimedOut.v1.json").put("timeout", "a week")))
                .isNotEmpty();
    }

    @Test
    void shouldAcceptARunThatFailedWithoutAStep() {
        String schema = "/schemas/events/RunFailed.v1.schema.json";
        ObjectNode timedOut = readObject("/examples/events/RunFailed.v1.json").putNull("stepId");
        ((ObjectNode) timedOut.path("error")).put("code", "run_timed_out");

        assertThat(errors(schema, timedOut)).isEmpty();
        assertThat(MAPPER.treeToValue(timedOut, RunFailed.class).stepId()).isNull();
    }

    @Test
    void shouldNameTheOriginalOfARerunByItsRunId() {
        String schema = "/schemas/events/RunStarted.v1.schema.json";

        assertThat(errors(schema, readObject("/examples/events/RunStarted.v1.json")
                .put("rerunOf", "0b6f6c0e-7a7e-4c3b-9a55-1c1f5f3e2d10"))).isEmpty();
        assertThat(errors(schema, readObject("/examples/events/RunStarted.v1.json").put("rerunOf", "run-41")))
                .isNotEmpty();
        ObjectNode beforeReruns = readObject("/examples/events/RunStarted.v1.json");
        beforeReruns.remove("rerunOf");
        assertThat(errors(schema, beforeReruns)).isEmpty();
        assertThat(MAPPER.treeToValue(beforeReruns, RunStarted.class).rerunOf()).isNull();
    }

    @Test
    void shouldScheduleTheNextAttemptOfARetryAtAnInstant() {
        String schema = "/schemas/events/StepRetryScheduled.v1.schema.json";

        assertThat(errors(schema, readObject("/examples/events/StepRetryScheduled.v1.json").put("nextAttempt", 1)))
                .isNotEmpty();
        assertThat(errors(schema, readObject("/examples/events/StepRetryScheduled.v1.json").put("retryAt", "soon")))
                .isNotEmpty();
    }

    @Test
    void shouldRejectDigestInAnotherForm() {
        ObjectNode registered = readObject("/examples/events/WorkflowRegistered.v1.json");
        registered.put("digest", registered.path("digest").asString().substring("sha256:".length()));

        assertThat(errors("/schemas/events/WorkflowRegistered.v1.schema.json", registered)).isNotEmpty();
    }

    private static ArrayNode steps(ObjectNode runStarted) {
        return (ArrayNode) runStarted.path("definition").path("steps");
    }

    private static ObjectNode withArtifact(Consumer<ObjectNode> change) {
        ObjectNode attested = readObject("/examples/events/StepAttested.v1.json");
        change.accept((ObjectNode) attested.path("artifacts").path(0));
        return attested;
    }
}
