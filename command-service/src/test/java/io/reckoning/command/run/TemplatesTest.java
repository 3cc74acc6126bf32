package io.reckoning.command.run;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplatesTest {

    private static final Map<String, Object> INPUTS = Map.of(
            "name", "Ada",
            "count", 3,
            "ratio", 0.5,
            "flag", true,
            "price", "$5 \\ each",
            "options", Map.of("depth", 2, "mode", "fast"));
    private static final Map<String, Object> OUTPUTS = Map.of(
            "extract", Map.of(
                    "url", "https://example.org/paper.pdf",
                    "authors", List.of(Map.of("name", "Grace"), Map.of("name", "Alan")),
                    "tags", List.of("a", "b")),
            "empty", Map.of());

    private final Templates templates = new Templates(INPUTS, OUTPUTS);

    @Test
    void shouldKeepTheJsonTypeOfAWholeStringTemplate() {
        assertThat(templates.resolve("{{ inputs.count }}")).isEqualTo(3);
        assertThat(templates.resolve("{{ inputs.ratio }}")).isEqualTo(0.5);
        assertThat(templates.resolve("{{ inputs.flag }}")).isEqualTo(true);
        assertThat(templates.resolve("{{ inputs.options }}")).isEqualTo(Map.of("depth", 2, "mode", "fast"));
        assertThat(templates.resolve("{{ steps.extract.output.tags }}")).isEqualTo(List.of("a", "b"));
    }

    @Test
    void shouldAcceptTemplatesWithOrWithoutSpacesInsideTheBraces() {
        assertThat(templates.resolve("{{inputs.count}}")).isEqualTo(3);
        assertThat(templates.resolve("{{   inputs.name   }}")).isEqualTo("Ada");
    }

    @Test
    void shouldInterpolateTemplatesInsideALongerString() {
        assertThat(templates.resolve("Hello {{ inputs.name }}, you have {{ inputs.count }} papers."))
                .isEqualTo("Hello Ada, you have 3 papers.");
    }

    @Test
    void shouldInterpolateObjectsAndArraysAsJson() {
        assertThat(templates.resolve("tags: {{ steps.extract.output.tags }}")).isEqualTo("tags: [\"a\",\"b\"]");
        assertThat(templates.resolve("depth {{ inputs.options.depth }} of {{ inputs.options }}"))
                .asString().startsWith("depth 2 of {").contains("\"depth\":2").contains("\"mode\":\"fast\"");
    }

    @Test
    void shouldInsertDollarSignsAndBackslashesLiterally() {
        assertThat(templates.resolve("Costs {{ inputs.price }}.")).isEqualTo("Costs $5 \\ each.");
    }

    @Test
    void shouldResolveInsideNestedMapsAndLists() {
        Object resolved = templates.resolve(Map.of(
                "who", "{{ inputs.name }}",
                "list", List.of("{{ inputs.count }}", Map.of("url", "{{ steps.extract.output.url }}"), 7),
                "nested", Map.of("deeper", Map.of("flag", "{{ inputs.flag }}"))));

        assertThat(resolved).isEqualTo(Map.of(
                "who", "Ada",
                "list", List.of(3, Map.of("url", "https://example.org/paper.pdf"), 7),
                "nested", Map.of("deeper", Map.of("flag", true))));
    }

    @Test
    void shouldLeaveValuesWithoutTemplatesAlone() {
        assertThat(templates.resolve("plain text")).isEqualTo("plain text");
        assertThat(templates.resolve(42)).isEqualTo(42);
        assertThat(templates.resolve(null)).isNull();
        assertThat(templates.resolve(Map.of("n", 1))).isEqualTo(Map.of("n", 1));
    }

    @Test
    void shouldFollowListIndexesInPaths() {
        assertThat(templates.resolve("{{ steps.extract.output.authors.1.name }}")).isEqualTo("Alan");
        assertThat(templates.resolve("{{ steps.extract.output.tags.0 }}")).isEqualTo("a");
    }

    @Test
    void shouldRejectAMissingInput() {
        assertThatThrownBy(() -> templates.resolve("{{ inputs.missing }}"))
                .isInstanceOf(Templates.Unresolved.class)
                .hasMessage("Template '{{ inputs.missing }}' refers to 'missing', which does not exist in the run's inputs.");
    }

    @Test
    void shouldRejectAMissingPathInsideAnInput() {
        assertThatThrownBy(() -> templates.resolve("Mode: {{ inputs.options.colour }}"))
                .isInstanceOf(Templates.Unresolved.class)
                .hasMessage("Template '{{ inputs.options.colour }}' refers to 'options.colour', which does not exist "
                        + "in the run's inputs.");
    }

    @Test
    void shouldRejectAStepWithoutOutput() {
        assertThatThrownBy(() -> templates.resolve("{{ steps.summarize.output.text }}"))
                .isInstanceOf(Templates.Unresolved.class)
                .hasMessage("Template '{{ steps.summarize.output.text }}' refers to step 'summarize', which has no "
                        + "output in this run.");
    }

    @Test
    void shouldRejectAMissingPathInAStepOutput() {
        assertThatThrownBy(() -> templates.resolve("{{ steps.empty.output.text }}"))
                .isInstanceOf(Templates.Unresolved.class)
                .hasMessage("Template '{{ steps.empty.output.text }}' refers to 'text', which does not exist in the "
                        + "output of step 'empty'.");
    }

    @Test
    void shouldRejectAListIndexOutOfRange() {
        assertThatThrownBy(() -> templates.resolve("{{ steps.extract.output.authors.2.name }}"))
                .isInstanceOf(Templates.Unresolved.class)
                .hasMessageContaining("refers to 'authors.2'");
    }

    @Test
    void shouldRejectAnExpressionThatIsNeitherAnInputNorAStepOutput() {
        assertThatThrownBy(() -> templates.resolve("{{ secrets.api_key }}"))
                .isInstanceOf(Templates.Unresolved.class)
                .hasMessage("Template '{{ secrets.api_key }}' must read {{ inputs.<name> }} or "
                        + "{{ steps.<id>.output.<path> }}.");
        assertThatThrownBy(() -> templates.resolve("{{ steps.extract.input.url }}"))
                .isInstanceOf(Templates.Unresolved.class);
    }
}
