package io.reckoning.workflow;

import com.networknt.schema.InputFormat;
import io.reckoning.schema.JsonContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.reckoning.schema.ContractAssertions.assertRejectsEachMissingRequiredProperty;
import static io.reckoning.schema.ContractAssertions.assertRejectsExtraProperty;
import static io.reckoning.schema.ContractAssertions.assertSchemaDescribesRecord;
import static io.reckoning.schema.JsonContract.ID_BASE;
import static io.reckoning.schema.JsonContract.MAPPER;
import static io.reckoning.schema.JsonContract.errors;
import static io.reckoning.schema.JsonContract.read;
import static io.reckoning.schema.JsonContract.readObject;
import static io.reckoning.schema.JsonContract.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The workflow definition schema accepts the golden a → b → c workflow in JSON and YAML, describes the
 * definition records exactly, and rejects what {@link WorkflowValidator} rejects where a schema can say so.
 */
class WorkflowSchemaTest {

    private static final String SCHEMA = "/schemas/workflow/WorkflowDefinition.v1.schema.json";
    private static final String SNAPSHOT_SCHEMA = "/schemas/common/WorkflowSnapshot.v1.schema.json";
    private static final String GOLDEN = "/examples/workflow/WorkflowDefinition.v1.json";
    private static final String GOLDEN_YAML = "/examples/workflow/WorkflowDefinition.v1.yaml";

    @Test
    void shouldIdentifySchemaByItsClasspathLocation() {
        JsonNode schema = read(SCHEMA);

        assertThat(schema.path("$id").asString()).isEqualTo(ID_BASE + SCHEMA);
        assertThat(JsonContract.metaSchema().validate(schema)).isEmpty();
    }

    @Test
    void shouldBeValidDraft202012SharedSchemas() {
        assertThat(JsonContract.fileNames("/schemas/common")).isNotEmpty().allSatisfy(file -> {
            JsonNode schema = read("/schemas/common/" + file);
            assertThat(schema.path("$id").asString()).isEqualTo(ID_BASE + "/schemas/common/" + file);
            assertThat(JsonContract.metaSchema().validate(schema)).as(file).isEmpty();
        });
    }

    @Test
    void shouldValidateGoldenWorkflow() {
        assertThat(errors(SCHEMA, read(GOLDEN))).isEmpty();
    }

    @Test
    void shouldValidateGoldenWorkflowWrittenInYaml() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(GOLDEN_YAML)) {
            assertThat(in).as(GOLDEN_YAML).isNotNull();
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);

            assertThat(JsonContract.schema(SCHEMA).validate(yaml, InputFormat.YAML)).isEmpty();
        }
    }

    @Test
    void shouldReadGoldenWorkflowIntoAValidDefinition() {
        WorkflowDefinition definition = MAPPER.treeToValue(read(GOLDEN), WorkflowDefinition.class);

        assertThat(definition.steps()).extracting(StepDefinition::id).containsExactly("a", "b", "c");
        assertThat(definition.steps()).extracting(StepDefinition::type)
                .containsExactly(StepTypes.TRANSFORM, StepTypes.EXTERNAL, StepTypes.TRANSFORM);
        assertThat(definition.steps().get(0).needs()).isEmpty();
        assertThat(definition.inputs().get("reviewer").required()).isFalse();
        assertThat(WorkflowValidator.validate(definition)).isEmpty();
    }

    @Test
    void shouldWriteDefinitionAsTheSnapshotThatEventsEmbed() {
        WorkflowDefinition definition = MAPPER.treeToValue(read(GOLDEN), WorkflowDefinition.class);
        JsonNode snapshot = written(definition);

        assertThat(errors(SNAPSHOT_SCHEMA, snapshot)).isEmpty();
        assertThat(errors(SCHEMA, snapshot)).isEmpty();
        assertThat(snapshot).isEqualTo(read("/examples/events/RunStarted.v1.json").path("definition"));
        assertThat(errors(SNAPSHOT_SCHEMA, read(GOLDEN))).as("an authored definition omits needs").isNotEmpty();
    }

    @Test
    void shouldDescribeExactlyTheDefinitionRecords() {
        JsonNode schema = read(SCHEMA);

        assertSchemaDescribesRecord(schema, WorkflowDefinition.class);
        assertSchemaDescribesRecord(schema.path("$defs").path("step"), StepDefinition.class);
        assertSchemaDescribesRecord(schema.path("$defs").path("input"), InputDeclaration.class);
    }

    @Test
    void shouldRequireTheRequiredFlagOfEveryInputAsJacksonDoes() {
        ObjectNode workflow = readObject(GOLDEN);
        ((ObjectNode) workflow.path("inputs").path("reviewer")).remove("required");

        assertThat(errors(SCHEMA, workflow)).isNotEmpty();
        assertThatThrownBy(() -> MAPPER.treeToValue(workflow, WorkflowDefinition.class))
                .as("Jackson 3 fails on a missing primitive by default")
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void shouldListExactlyTheKnownStepTypes() {
        JsonNode type = read(SCHEMA).path("$defs").path("step").path("properties").path("type");

        assertThat(type.path("enum").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrderElementsOf(StepTypes.ALL);
    }

    @Test
    void shouldRejectGoldenWorkflowWithoutARequiredProperty() {
        assertRejectsEachMissingRequiredProperty(SCHEMA, read(GOLDEN));
    }

    @Test
    void shouldRejectGoldenWorkflowWithExtraProperty() {
        assertRejectsExtraProperty(SCHEMA, read(GOLDEN));
    }

    static Stream<Arguments> brokenWorkflows() {
        return Stream.of(
                broken("a name with capitals", workflow -> workflow.put("name", "Paper-Check")),
                broken("no steps", workflow -> workflow.putArray("steps")),
                broken("an unknown step type", workflow -> step(workflow, 0).put("type", "teleport")),
                broken("a transform step without output", workflow -> step(workflow, 0).remove("output")),
                broken("a transform step with null output", workflow -> step(workflow, 0).putNull("output")),
                broken("an external step without instructions", workflow -> step(workflow, 1).remove("instructions")),
                broken("an external step with blank instructions", workflow -> step(workflow, 1).put("instructions", " \t")),
                broken("a step id starting with a digit", workflow -> step(workflow, 0).put("id", "1a")),
                broken("an input of unknown type", workflow ->
                        ((ObjectNode) workflow.path("inputs").path("paper_url")).put("type", "url")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenWorkflows")
    void shouldRejectWhatTheValidatorRejects(String problem, ObjectNode workflow) {
        WorkflowDefinition definition = MAPPER.treeToValue(workflow, WorkflowDefinition.class);

        assertThat(errors(SCHEMA, workflow)).as("schema errors for %s", problem).isNotEmpty();
        assertThat(WorkflowValidator.validate(definition)).as("violations for %s", problem).isNotEmpty();
    }

    @Test
    void shouldRejectFieldsOfStepTypesNotYetKnown() {
        ObjectNode workflow = readObject(GOLDEN);
        step(workflow, 0).put("type", "llm").put("prompt", "Summarize {{ inputs.paper_url }}");

        assertThat(errors(SCHEMA, workflow)).anySatisfy(error -> assertThat(error).contains("prompt"));
    }

    private static Arguments broken(String problem, Consumer<ObjectNode> change) {
        ObjectNode workflow = readObject(GOLDEN);
        change.accept(workflow);
        return arguments(problem, workflow);
    }

    private static ObjectNode step(ObjectNode workflow, int index) {
        return (ObjectNode) workflow.path("steps").path(index);
    }

}
