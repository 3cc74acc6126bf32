package io.reckoning.workflow;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowValidatorTest {

    private static final Map<String, InputDeclaration> INPUTS = Map.of("paper_url", new InputDeclaration("string", true));

    @Test
    void shouldFindNothingWrongWithAValidWorkflow() {
        assertThat(WorkflowValidator.validate(workflow(
                transform("a"),
                external("b", "a"),
                transform("c", "b")))).isEmpty();
    }

    @Test
    void shouldAcceptAStepThatNeedsSeveralOthers() {
        assertThat(WorkflowValidator.validate(workflow(
                transform("a"),
                transform("b"),
                transform("c", "a", "b")))).isEmpty();
    }

    @Test
    void shouldReportDuplicateStepIds() {
        List<Violation> violations = WorkflowValidator.validate(workflow(
                transform("a"),
                external("a"),
                transform("c", "a")));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/steps/1/id");
            assertThat(violation.message()).contains("'a'").contains("more than one step");
        });
    }

    @Test
    void shouldReportUnknownNeeds() {
        List<Violation> violations = WorkflowValidator.validate(workflow(
                transform("a"),
                external("b", "a", "z")));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/steps/1/needs/1");
            assertThat(violation.message()).contains("'b'").contains("'z'");
        });
    }

    @Test
    void shouldReportAStepThatNeedsItself() {
        List<Violation> violations = WorkflowValidator.validate(workflow(
                transform("a"),
                transform("b", "a", "b")));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/steps/1/needs/1");
            assertThat(violation.message()).contains("'b'").contains("itself");
        });
    }

    @Test
    void shouldReportAThreeStepCycleByItsSteps() {
        List<Violation> violations = WorkflowValidator.validate(workflow(
                transform("a", "c"),
                external("b", "a"),
                transform("c", "b")));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/steps");
            assertThat(violation.message()).contains("cycle").contains("a -> c -> b -> a");
        });
    }

    @Test
    void shouldReportACycleBehindAnAcyclicStart() {
        List<Violation> violations = WorkflowValidator.validate(workflow(
                transform("start"),
                transform("x", "start", "y"),
                transform("y", "x")));

        assertThat(violations).singleElement().satisfies(violation ->
                assertThat(violation.message()).contains("x -> y -> x"));
    }

    @Test
    void shouldReportUnknownStepType() {
        List<Violation> violations = WorkflowValidator.validate(workflow(
                new StepDefinition("a", "teleport", List.of(), Map.of("x", 1), null)));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/steps/0/type");
            assertThat(violation.message()).contains("'teleport'").contains("transform").contains("external");
        });
    }

    @Test
    void shouldReportMissingStepType() {
        assertThat(WorkflowValidator.validate(workflow(new StepDefinition("a", null, List.of(), "x", null))))
                .extracting(Violation::pointer).containsExactly("/steps/0/type");
    }

    @Test
    void shouldReportTransformWithoutOutput() {
        List<Violation> violations = WorkflowValidator.validate(workflow(
                new StepDefinition("a", StepTypes.TRANSFORM, List.of(), null, null)));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/steps/0/output");
            assertThat(violation.message()).contains("output");
        });
    }

    @Test
    void shouldReportExternalWithoutInstructions() {
        List<Violation> violations = WorkflowValidator.validate(workflow(
                transform("a"),
                new StepDefinition("b", StepTypes.EXTERNAL, List.of("a"), null, null),
                new StepDefinition("c", StepTypes.EXTERNAL, List.of("a"), null, "   ")));

        assertThat(violations).extracting(Violation::pointer)
                .containsExactly("/steps/1/instructions", "/steps/2/instructions");
        assertThat(violations).allSatisfy(violation -> assertThat(violation.message()).contains("instructions"));
    }

    @Test
    void shouldReportBadWorkflowName() {
        assertThat(List.of("Paper-Check", "-paper", "", "a".repeat(101), "paper check"))
                .allSatisfy(name -> assertThat(WorkflowValidator.validate(
                        new WorkflowDefinition(name, INPUTS, List.of(transform("a")))))
                        .as(name).extracting(Violation::pointer).containsExactly("/name"));
        assertThat(WorkflowValidator.validate(new WorkflowDefinition(null, INPUTS, List.of(transform("a")))))
                .extracting(Violation::pointer).containsExactly("/name");
        assertThat(WorkflowValidator.validate(new WorkflowDefinition("paper-check.v2_final", INPUTS,
                List.of(transform("a"))))).isEmpty();
    }

    @Test
    void shouldReportBadStepId() {
        assertThat(WorkflowValidator.validate(workflow(transform("1a"), transform("with space"))))
                .extracting(Violation::pointer).containsExactly("/steps/0/id", "/steps/1/id");
    }

    @Test
    void shouldReportWorkflowWithoutSteps() {
        assertThat(WorkflowValidator.validate(new WorkflowDefinition("paper-check", INPUTS, List.of())))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.pointer()).isEqualTo("/steps");
                    assertThat(violation.message()).contains("at least one step");
                });
        assertThat(WorkflowValidator.validate(new WorkflowDefinition("paper-check", null, null)))
                .extracting(Violation::pointer).containsExactly("/steps");
    }

    @Test
    void shouldReportBadInputType() {
        Map<String, InputDeclaration> inputs = new LinkedHashMap<>();
        inputs.put("paper_url", new InputDeclaration("url", true));
        inputs.put("reviewer", null);
        inputs.put("limit", new InputDeclaration("integer", false));

        assertThat(WorkflowValidator.validate(new WorkflowDefinition("paper-check", inputs, List.of(transform("a")))))
                .extracting(Violation::pointer)
                .containsExactly("/inputs/paper_url/type", "/inputs/reviewer/type");
    }

    @Test
    void shouldEscapeInputNamesInPointers() {
        Map<String, InputDeclaration> inputs = Map.of("a/b~c", new InputDeclaration("text", false));

        assertThat(WorkflowValidator.validate(new WorkflowDefinition("paper-check", inputs, List.of(transform("a")))))
                .extracting(Violation::pointer).containsExactly("/inputs/a~1b~0c/type");
    }

    @Test
    void shouldReportEmptyNeedWithoutFailing() {
        assertThat(WorkflowValidator.validate(workflow(
                transform("a"),
                new StepDefinition("b", StepTypes.TRANSFORM, Arrays.asList("a", null), "x", null))))
                .extracting(Violation::pointer).containsExactly("/steps/1/needs/1");
    }

    @Test
    void shouldReportNullStep() {
        assertThat(WorkflowValidator.validate(workflow(transform("a"), null)))
                .extracting(Violation::pointer).containsExactly("/steps/1");
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        Map<String, InputDeclaration> inputs = Map.of("paper_url", new InputDeclaration("url", true));
        List<Violation> violations = WorkflowValidator.validate(new WorkflowDefinition("Bad Name", inputs, List.of(
                transform("a", "c"),
                new StepDefinition("b", "teleport", List.of("a"), null, null),
                transform("c", "b", "ghost"),
                external("c", "a"),
                new StepDefinition("d", StepTypes.TRANSFORM, List.of("d"), null, null))));

        assertThat(violations).extracting(Violation::pointer).containsExactlyInAnyOrder(
                "/name",
                "/inputs/paper_url/type",
                "/steps/1/type",
                "/steps/3/id",
                "/steps/4/output",
                "/steps/2/needs/1",
                "/steps/4/needs/0",
                "/steps");
        assertThat(violations).filteredOn(violation -> violation.pointer().equals("/steps"))
                .singleElement().satisfies(violation -> assertThat(violation.message()).contains("a -> c -> b -> a"));
    }

    private static WorkflowDefinition workflow(StepDefinition... steps) {
        return new WorkflowDefinition("paper-check", INPUTS, Arrays.asList(steps));
    }

    private static StepDefinition transform(String id, String... needs) {
        return new StepDefinition(id, StepTypes.TRANSFORM, List.of(needs), Map.of("url", "{{ inputs.paper_url }}"), null);
    }

    private static StepDefinition external(String id, String... needs) {
        return new StepDefinition(id, StepTypes.EXTERNAL, List.of(needs), null,
                "Run the reference simulation and attach the result files.");
    }
}
