package io.reckoning.workflow;

import com.networknt.schema.InputFormat;
import io.reckoning.schema.JsonContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import static io.reckoning.schema.JsonContract.withoutNulls;
import static io.reckoning.schema.JsonContract.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The workflow definition schema accepts the golden a → b → settle → c workflow in JSON and YAML, describes the
 * definition records exactly, and rejects what {@link WorkflowValidator} rejects where a schema can say so.
 */
class WorkflowSchemaTest {

    private static final String SCHEMA = "/schemas/workflow/WorkflowDefinition.v1.schema.json";
    private static final String SNAPSHOT_SCHEMA = "/schemas/common/WorkflowSnapshot.v1.schema.json";
    private static final String GOLDEN = "/examples/workflow/WorkflowDefinition.v1.json";
    private static final String GOLDEN_LLM = "/examples/workflow/WorkflowDefinition.llm.v1.json";
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

        assertThat(definition.steps()).extracting(StepDefinition::id).containsExactly("a", "b", "settle", "c");
        assertThat(definition.steps()).extracting(StepDefinition::type)
                .containsExactly(StepTypes.TRANSFORM, StepTypes.EXTERNAL, StepTypes.WAIT, StepTypes.TRANSFORM);
        assertThat(definition.steps().get(0).needs()).isEmpty();
        assertThat(definition.steps().get(0).retry()).isEqualTo(new RetryPolicy(3, "PT2S", "PT1M"));
        assertThat(definition.steps().get(2).duration()).isEqualTo("PT1H");
        assertThat(definition.inputs().get("reviewer")).isEqualTo(new InputDeclaration("string", false, "editor"));
        assertThat(definition.timeout()).isEqualTo("P30D");
        assertThat(WorkflowValidator.validate(definition)).isEmpty();
    }

    @Test
    void shouldWriteDefinitionAsTheSnapshotThatEventsEmbed() {
        WorkflowDefinition definition = MAPPER.treeToValue(read(GOLDEN), WorkflowDefinition.class);
        JsonNode snapshot = written(definition);

        assertThat(errors(SNAPSHOT_SCHEMA, snapshot)).isEmpty();
        assertThat(errors(SCHEMA, snapshot)).isEmpty();
        assertThat(withoutNulls(snapshot)).isEqualTo(withoutNulls(read("/examples/events/RunStarted.v1.json").path("definition")));
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
    void shouldTreatAMissingRequiredFlagAsFalseAndAlwaysWriteIt() {
        ObjectNode workflow = readObject(GOLDEN);
        ((ObjectNode) workflow.path("inputs").path("reviewer")).remove("required");
        WorkflowDefinition definition = MAPPER.treeToValue(workflow, WorkflowDefinition.class);

        assertThat(errors(SCHEMA, workflow)).isEmpty();
        assertThat(definition.inputs().get("reviewer").isRequired()).isFalse();
        assertThat(written(definition).path("inputs").path("reviewer").path("required").isBoolean()).isTrue();
    }

    @Test
    void shouldAcceptEveryDurationJavaReadsAndNoOther() {
        assertThat(List.of("PT30S", "PT5M", "PT1H30M", "P1D", "P2DT3H", "PT0.5S")).allSatisfy(duration -> {
            assertThat(errors(SCHEMA, readObject(GOLDEN).put("timeout", duration))).as(duration).isEmpty();
            assertThat(java.time.Duration.parse(duration)).as(duration).isPositive();
        });
        assertThat(List.of("30s", "P1M", "P1Y", "PT", "P", "P1DT", "PT0S", "P0D", "-PT1S", "1 hour")).allSatisfy(duration ->
                assertThat(errors(SCHEMA, readObject(GOLDEN).put("timeout", duration))).as(duration).isNotEmpty());
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
                        ((ObjectNode) workflow.path("inputs").path("paper_url")).put("type", "url")),
                broken("a default of another type", workflow ->
                        ((ObjectNode) workflow.path("inputs").path("reviewer")).put("default", 3)),
                broken("a wait step without duration or until", workflow -> step(workflow, 2).remove("duration")),
                broken("a wait step with duration and until", workflow ->
                        step(workflow, 2).put("until", "2030-01-01T09:00:00Z")),
                broken("a wait step with an output", workflow -> step(workflow, 2).putObject("output")),
                broken("a wait step with a timeout", workflow -> step(workflow, 2).put("timeout", "PT2H")),
                broken("a wait duration that is not ISO-8601", workflow -> step(workflow, 2).put("duration", "1 hour")),
                broken("a wait until that is not an instant", workflow -> {
                    step(workflow, 2).remove("duration");
                    step(workflow, 2).put("until", "tomorrow");
                }),
                broken("a transform step with instructions", workflow -> step(workflow, 0).put("instructions", "Go.")),
                broken("an external step with an output", workflow -> step(workflow, 1).put("output", 1)),
                broken("a retry of no attempts", workflow -> ((ObjectNode) step(workflow, 0).path("retry"))
                        .put("maxAttempts", 0)),
                broken("a retry of 101 attempts", workflow -> ((ObjectNode) step(workflow, 0).path("retry"))
                        .put("maxAttempts", 101)),
                broken("a backoff that is not a duration", workflow -> ((ObjectNode) step(workflow, 0).path("retry"))
                        .put("backoff", "2 seconds")),
                broken("a step timeout of zero", workflow -> step(workflow, 1).put("timeout", "PT0S")),
                broken("a dispatch timeout that is not a duration", workflow ->
                        step(workflow, 1).put("dispatchTimeout", "10 minutes")),
                broken("a workflow timeout of a month", workflow -> workflow.put("timeout", "P1M")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenWorkflows")
    void shouldRejectWhatTheValidatorRejects(String problem, ObjectNode workflow) {
        WorkflowDefinition definition = MAPPER.treeToValue(workflow, WorkflowDefinition.class);

        assertThat(errors(SCHEMA, workflow)).as("schema errors for %s", problem).isNotEmpty();
        assertThat(WorkflowValidator.validate(definition)).as("violations for %s", problem).isNotEmpty();
    }

    @Test
    void shouldValidateGoldenLlmWorkflowAndReadItIntoAValidDefinition() {
        JsonNode golden = read(GOLDEN_LLM);
        WorkflowDefinition definition = MAPPER.treeToValue(golden, WorkflowDefinition.class);

        assertThat(errors(SCHEMA, golden)).isEmpty();
        assertThat(WorkflowValidator.validate(definition)).isEmpty();
        StepDefinition verdict = definition.steps().get(1);
        assertThat(verdict.type()).isEqualTo(StepTypes.LLM);
        assertThat(verdict.temperature()).isEqualTo(0.0);
        assertThat(verdict.maxTokens()).isEqualTo(400);
        assertThat(verdict.responseFormat().type()).isEqualTo(ResponseFormat.JSON);
        assertThat(verdict.responseFormat().schema()).containsEntry("type", "object");
        assertThat(errors(SNAPSHOT_SCHEMA, written(definition))).isEmpty();
    }

    @Test
    void shouldDescribeExactlyTheResponseFormatRecord() {
        assertSchemaDescribesRecord(read(SCHEMA).path("$defs").path("responseFormat"), ResponseFormat.class);
    }

    static Stream<Arguments> brokenLlmWorkflows() {
        return Stream.of(
                brokenLlm("an llm step without a prompt", workflow -> step(workflow, 0).remove("prompt")),
                brokenLlm("an llm step with a blank prompt", workflow -> step(workflow, 0).put("prompt", " ")),
                brokenLlm("an llm step with an output", workflow -> step(workflow, 0).putObject("output")),
                brokenLlm("a temperature above 2", workflow -> step(workflow, 1).put("temperature", 2.5)),
                brokenLlm("no tokens allowed", workflow -> step(workflow, 1).put("maxTokens", 0)),
                brokenLlm("an unknown response format", workflow ->
                        ((ObjectNode) step(workflow, 1).path("responseFormat")).put("type", "xml")),
                brokenLlm("a schema for a text answer", workflow ->
                        ((ObjectNode) step(workflow, 1).path("responseFormat")).put("type", "text")),
                brokenLlm("a blank model", workflow -> step(workflow, 1).put("model", "")),
                brokenLlm("a prompt on a transform step", workflow -> {
                    ObjectNode transform = ((ArrayNode) workflow.path("steps")).addObject();
                    transform.put("id", "t").put("type", "transform").put("prompt", "Hello").putObject("output");
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenLlmWorkflows")
    void shouldRejectLlmStepsTheValidatorRejects(String problem, ObjectNode workflow) {
        WorkflowDefinition definition = MAPPER.treeToValue(workflow, WorkflowDefinition.class);

        assertThat(errors(SCHEMA, workflow)).as("schema errors for %s", problem).isNotEmpty();
        assertThat(WorkflowValidator.validate(definition)).as("violations for %s", problem).isNotEmpty();
    }

    @Test
    void shouldAcceptTemplatedWaitTimes() {
        ObjectNode workflow = readObject(GOLDEN);
        ((ObjectNode) workflow.path("inputs")).putObject("pause").put("type", "string").put("default", "PT1H");
        step(workflow, 2).put("duration", "{{ inputs.pause }}");

        assertThat(errors(SCHEMA, workflow)).isEmpty();
        step(workflow, 2).remove("duration");
        step(workflow, 2).put("until", "{{ steps.b.output.resumeAt }}");
        assertThat(errors(SCHEMA, workflow)).isEmpty();
    }

    @Test
    void shouldRejectMoreThanAThousandSteps() {
        ObjectNode workflow = readObject(GOLDEN);
        ArrayNode steps = workflow.putArray("steps");
        for (int i = 0; i < 1_001; i++) {
            steps.addObject().put("id", "s" + i).put("type", "wait").put("duration", "PT1S");
        }

        assertThat(errors(SCHEMA, workflow)).isNotEmpty();
        steps.remove(1_000);
        assertThat(errors(SCHEMA, workflow)).isEmpty();
    }

    private static Arguments broken(String problem, Consumer<ObjectNode> change) {
        ObjectNode workflow = readObject(GOLDEN);
        change.accept(workflow);
        return arguments(problem, workflow);
    }

    private static Arguments brokenLlm(String problem, Consumer<ObjectNode> change) {
        ObjectNode workflow = readObject(GOLDEN_LLM);
        change.accept(workflow);
        return arguments(problem, workflow);
    }

    private static ObjectNode step(ObjectNode workflow, int index) {
        return (ObjectNode) workflow.path("steps").path(index);
    }

}
