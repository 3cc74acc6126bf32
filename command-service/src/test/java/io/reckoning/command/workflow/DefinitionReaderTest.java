package io.reckoning.command.workflow;

import io.reckoning.support.json.ContractJsonModule;
import io.reckoning.support.web.ApiException;
import io.reckoning.workflow.InputDeclaration;
import io.reckoning.workflow.RetryPolicy;
import io.reckoning.workflow.Violation;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefinitionReaderTest {

    private static final DefinitionReader READER = new DefinitionReader(JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new ContractJsonModule())
            .build());
    private static final MediaType YAML = MediaType.valueOf("application/yaml");

    @Test
    void shouldReadYamlAndJsonIntoTheSameDefinition() {
        DefinitionReader.Reading json = read(MediaType.APPLICATION_JSON, """
                {"name": "w", "inputs": {"n": {"type": "integer", "default": 3}},
                 "steps": [{"id": "a", "type": "transform", "output": {"x": [1, 2.5, true, null]},
                            "retry": {"maxAttempts": 2}}]}""");
        DefinitionReader.Reading yaml = read(YAML, """
                name: w
                inputs: { n: { type: integer, default: 3 } }
                steps:
                  - id: a
                    type: transform
                    output: { x: [1, 2.5, true, null] }
                    retry: { maxAttempts: 2 }
                """);

        assertThat(json.violations()).isEmpty();
        assertThat(yaml.violations()).isEmpty();
        assertThat(yaml.definition()).isEqualTo(json.definition()).isPresent();
        assertThat(json.definition().orElseThrow().inputs().get("n")).isEqualTo(new InputDeclaration("integer", null, 3));
        assertThat(json.definition().orElseThrow().steps().get(0).retry()).isEqualTo(new RetryPolicy(2, null, null));
    }

    @Test
    void shouldReportEveryUnknownFieldWithItsPointerAndReadTheRest() {
        DefinitionReader.Reading reading = read(YAML, """
                name: w
                owner: me
                inputs: { n: { type: integer, optional: true } }
                steps:
                  - { id: a, type: transform, output: 1, retry: { attempts: 3 } }
                """);

        assertThat(reading.violations()).extracting(Violation::pointer)
                .containsExactly("/owner", "/inputs/n/optional", "/steps/0/retry/attempts");
        assertThat(reading.violations().get(0).message()).isEqualTo(
                "Field 'owner' is not part of a workflow; a workflow has name, inputs, steps and timeout.");
        assertThat(reading.violations().get(1).message()).endsWith("an input has type, required and default.");
        assertThat(reading.definition().orElseThrow().steps().get(0).retry()).isEqualTo(new RetryPolicy(null, null, null));
    }

    @Test
    void shouldReportAValueOfTheWrongShapeAndLeaveItOut() {
        DefinitionReader.Reading reading = read(MediaType.APPLICATION_JSON, """
                {"name": ["w"], "steps": [{"id": "a", "type": "transform", "output": 1, "needs": [1, "b"]}, "c"]}""");

        assertThat(reading.violations()).extracting(Violation::pointer, Violation::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/name", "'name' must be a string, not an array."),
                org.assertj.core.groups.Tuple.tuple("/steps/0/needs/0", "Entry 0 of 'needs' must be a string, not a number."),
                org.assertj.core.groups.Tuple.tuple("/steps/1", "A step must be an object, not a string."));
        assertThat(reading.definition().orElseThrow().steps()).hasSize(2);
        assertThat(reading.definition().orElseThrow().steps().get(1)).isNull();
    }

    @Test
    void shouldDropTheValidatorsProblemsWhereAFieldWasLeftOut() {
        DefinitionReader.Reading reading = read(MediaType.APPLICATION_JSON, """
                {"name": "w", "steps": [{"id": 7, "type": "transform", "output": 1}]}""");

        assertThat(reading.with(List.of(new Violation("/steps/0/id", "A step id must be ..."),
                new Violation("/steps/1", "Something else.")))).extracting(Violation::pointer)
                .containsExactly("/steps/0/id", "/steps/1");
        assertThat(reading.with(List.of())).singleElement().satisfies(violation ->
                assertThat(violation.message()).isEqualTo("'id' must be a string, not a number."));
    }

    @Test
    void shouldReportADocumentThatIsNotAnObject() {
        assertThat(read(YAML, "- a\n- b\n").violations()).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEmpty();
            assertThat(violation.message()).isEqualTo("A workflow must be an object, not an array.");
        });
    }

    @Test
    void shouldRefuseABodyThatIsNotJsonOrYamlOrIsEmpty() {
        assertThatThrownBy(() -> read(MediaType.APPLICATION_JSON, "{\"name\": "))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.slug()).isEqualTo("body-unreadable"));
        assertThatThrownBy(() -> read(YAML, "a: [b"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("YAML"));
        assertThatThrownBy(() -> read(YAML, ""))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("empty"));
    }

    @Test
    void shouldKnowTheYamlMediaTypes() {
        assertThat(List.of("application/yaml", "application/x-yaml", "text/yaml", "text/yaml;charset=UTF-8"))
                .allSatisfy(type -> assertThat(DefinitionReader.isYaml(MediaType.valueOf(type))).as(type).isTrue());
        assertThat(DefinitionReader.isYaml(MediaType.APPLICATION_JSON)).isFalse();
        assertThat(DefinitionReader.isYaml(null)).isFalse();
    }

    private static DefinitionReader.Reading read(MediaType type, String body) {
        return READER.read(body.getBytes(StandardCharsets.UTF_8), type);
    }
}
