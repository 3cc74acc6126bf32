package io.reckoning.command.workflow;

import io.reckoning.workflow.InputDeclaration;
import io.reckoning.workflow.StepDefinition;
import io.reckoning.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.reckoning.command.Definitions.workflow;
import static org.assertj.core.api.Assertions.assertThat;

class DefinitionDigestTest {

    private static final WorkflowDefinition DEFINITION = workflow("paper-review")
            .input("paper_url", "string")
            .input("pages", "integer")
            .transform("extract", ordered("url", "{{ inputs.paper_url }}", "pages", "{{ inputs.pages }}"))
            .external("simulate", "Run the reference simulation.", "extract")
            .build();

    @Test
    void shouldBeSha256OfTheContentInLowercaseHex() {
        assertThat(DefinitionDigest.of(DEFINITION)).matches("sha256:[0-9a-f]{64}");
    }

    /**
     * Pins the canonical form: a change in it (a Jackson upgrade, a reordered record component) would give every
     * registered workflow a new digest, and identical content would register as a new version. Record properties
     * keep their component order (Jackson puts creator properties first); map keys are sorted.
     */
    @Test
    void shouldHashTheCanonicalJson() throws Exception {
        WorkflowDefinition tiny = workflow("tiny")
                .input("n", "integer")
                .transform("a", ordered("z", "{{ inputs.n }}", "b", 2))
                .build();
        String canonical = "{\"name\":\"tiny\",\"inputs\":{\"n\":{\"type\":\"integer\",\"required\":true}},"
                + "\"steps\":[{\"id\":\"a\",\"type\":\"transform\",\"needs\":[],"
                + "\"output\":{\"b\":2,\"z\":\"{{ inputs.n }}\"}}]}";
        String expected = "sha256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));

        assertThat(DefinitionDigest.of(tiny)).isEqualTo(expected);
    }

    @Test
    void shouldHashTheDefaultOfAnInputUnderItsJsonName() throws Exception {
        WorkflowDefinition tiny = new WorkflowDefinition("tiny", Map.of("n", new InputDeclaration("integer", null, 3)),
                List.of(StepDefinition.of("a", "transform", List.of(), "{{ inputs.n }}", null)));
        String canonical = "{\"name\":\"tiny\",\"inputs\":{\"n\":{\"type\":\"integer\",\"required\":false,"
                + "\"default\":3}},\"steps\":[{\"id\":\"a\",\"type\":\"transform\",\"needs\":[],"
                + "\"output\":\"{{ inputs.n }}\"}]}";
        String expected = "sha256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));

        assertThat(DefinitionDigest.of(tiny)).isEqualTo(expected);
        assertThat(DefinitionDigest.of(tiny))
                .as("an input without 'required' is the same content as one with required: false")
                .isEqualTo(DefinitionDigest.of(new WorkflowDefinition("tiny",
                        Map.of("n", new InputDeclaration("integer", false, 3)), tiny.steps())));
    }

    @Test
    void shouldBeStableForTheSameContent() {
        assertThat(DefinitionDigest.of(DEFINITION)).isEqualTo(DefinitionDigest.of(workflow("paper-review")
                .input("paper_url", "string")
                .input("pages", "integer")
                .transform("extract", ordered("url", "{{ inputs.paper_url }}", "pages", "{{ inputs.pages }}"))
                .external("simulate", "Run the reference simulation.", "extract")
                .build()));
    }

    @Test
    void shouldIgnoreTheOrderOfMapKeys() {
        Map<String, InputDeclaration> inputs = new LinkedHashMap<>();
        inputs.put("pages", new InputDeclaration("integer", true));
        inputs.put("paper_url", new InputDeclaration("string", true));
        WorkflowDefinition reordered = new WorkflowDefinition("paper-review", inputs, List.of(
                StepDefinition.of("extract", "transform", List.of(),
                        ordered("pages", "{{ inputs.pages }}", "url", "{{ inputs.paper_url }}"), null),
                StepDefinition.of("simulate", "external", List.of("extract"), null, "Run the reference simulation.")));

        assertThat(List.copyOf(reordered.inputs().keySet())).isNotEqualTo(List.copyOf(DEFINITION.inputs().keySet()));
        assertThat(DefinitionDigest.of(reordered)).isEqualTo(DefinitionDigest.of(DEFINITION));
    }

    @Test
    void shouldChangeWhenAStepChanges() {
        WorkflowDefinition changed = workflow("paper-review")
                .input("paper_url", "string")
                .input("pages", "integer")
                .transform("extract", ordered("url", "{{ inputs.paper_url }}", "pages", "{{ inputs.pages }}"))
                .external("simulate", "Run the reference simulation twice.", "extract")
                .build();

        assertThat(DefinitionDigest.of(changed)).isNotEqualTo(DefinitionDigest.of(DEFINITION));
    }

    @Test
    void shouldChangeWhenTheOrderOfStepsChanges() {
        WorkflowDefinition swapped = new WorkflowDefinition("paper-review", DEFINITION.inputs(),
                List.of(DEFINITION.steps().get(1), DEFINITION.steps().get(0)));

        assertThat(DefinitionDigest.of(swapped)).isNotEqualTo(DefinitionDigest.of(DEFINITION));
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
