package io.reckoning.workflow;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InputValidatorTest {

    private static final WorkflowDefinition DEFINITION = definition();

    @Test
    void shouldAcceptInputsOfTheDeclaredTypes() {
        assertThat(InputValidator.validate(DEFINITION, Map.of("paper_url", "https://example.org/p.pdf",
                "pages", BigInteger.TEN, "ratio", 0.5, "draft", true, "meta", Map.of(), "tags", List.of("a"))))
                .isEmpty();
    }

    @Test
    void shouldReportAMissingRequiredInput() {
        assertThat(InputValidator.validate(DEFINITION, Map.of())).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/inputs/paper_url");
            assertThat(violation.message()).isEqualTo("Input 'paper_url' is required by workflow 'paper-check'.");
        });
        assertThat(InputValidator.validate(DEFINITION, null)).extracting(Violation::pointer)
                .containsExactly("/inputs/paper_url");
    }

    @Test
    void shouldAcceptARequiredInputLeftToItsDefault() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("paper_url", "https://example.org/p.pdf");
        withNull.put("reviewer", null);

        assertThat(DEFINITION.inputs().get("reviewer").isRequired()).isTrue();
        assertThat(InputValidator.validate(DEFINITION, Map.of("paper_url", "https://example.org/p.pdf"))).isEmpty();
        assertThat(InputValidator.validate(DEFINITION, withNull)).isEmpty();
    }

    @Test
    void shouldReportAnInputOfTheWrongType() {
        assertThat(InputValidator.validate(DEFINITION, Map.of("paper_url", 42, "pages", 1.5)))
                .extracting(Violation::pointer, Violation::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/inputs/paper_url",
                                "Input 'paper_url' must be of type string, but it is an integer."),
                        org.assertj.core.groups.Tuple.tuple("/inputs/pages",
                                "Input 'pages' must be of type integer, but it is a number."));
    }

    @Test
    void shouldReportAnUndeclaredInput() {
        assertThat(InputValidator.validate(DEFINITION, Map.of("paper_url", "u", "colour", "red")))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.pointer()).isEqualTo("/inputs/colour");
                    assertThat(violation.message()).contains("declares no input 'colour'");
                });
    }

    @Test
    void shouldAddTheDefaultsOfInputsNotGiven() {
        Map<String, Object> complete = InputValidator.withDefaults(DEFINITION, Map.of("paper_url", "u"));

        assertThat(complete).containsExactly(Map.entry("paper_url", "u"), Map.entry("reviewer", "editor"),
                Map.entry("pages", 12));
    }

    @Test
    void shouldKeepGivenInputsOverDefaults() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("pages", 3);
        given.put("paper_url", "u");
        given.put("reviewer", "dr.chen");

        assertThat(InputValidator.withDefaults(DEFINITION, given)).containsExactly(Map.entry("pages", 3),
                Map.entry("paper_url", "u"), Map.entry("reviewer", "dr.chen"));
    }

    @Test
    void shouldTreatANullInputAsNotGiven() {
        Map<String, Object> given = new HashMap<>();
        given.put("reviewer", null);
        given.put("meta", null);

        Map<String, Object> complete = InputValidator.withDefaults(DEFINITION, given);

        assertThat(complete).containsEntry("reviewer", "editor").containsEntry("pages", 12).containsKey("meta");
        assertThat(complete.get("meta")).isNull();
        assertThat(InputValidator.withDefaults(DEFINITION, null)).containsOnlyKeys("reviewer", "pages");
    }

    private static WorkflowDefinition definition() {
        Map<String, InputDeclaration> inputs = new LinkedHashMap<>();
        inputs.put("paper_url", new InputDeclaration("string", true));
        inputs.put("reviewer", new InputDeclaration("string", true, "editor"));
        inputs.put("pages", new InputDeclaration("integer", false, 12));
        inputs.put("ratio", new InputDeclaration("number", false));
        inputs.put("draft", new InputDeclaration("boolean", null));
        inputs.put("meta", new InputDeclaration("object", false));
        inputs.put("tags", new InputDeclaration("array", false));
        return new WorkflowDefinition("paper-check", inputs,
                List.of(StepDefinition.of("a", StepTypes.TRANSFORM, List.of(), "{{ inputs.paper_url }}", null)));
    }
}
