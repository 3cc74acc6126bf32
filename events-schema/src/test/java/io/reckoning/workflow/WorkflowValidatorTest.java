package io.reckoning.workflow;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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
                StepDefinition.of("a", "teleport", List.of(), Map.of("x", 1), null)));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/steps/0/type");
            assertThat(violation.message()).contains("'teleport'").contains("transform").contains("external");
        });
    }

    @Test
    void shouldReportMissingStepType() {
        assertThat(WorkflowValidator.validate(workflow(StepDefinition.of("a", null, List.of(), "x", null))))
                .extracting(Violation::pointer).containsExactly("/steps/0/type");
    }

    @Test
    void shouldReportTransformWithoutOutput() {
        List<Violation> violations = WorkflowValidator.validate(workflow(
                StepDefinition.of("a", StepTypes.TRANSFORM, List.of(), null, null)));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/steps/0/output");
            assertThat(violation.message()).contains("output");
        });
    }

    @Test
    void shouldReportExternalWithoutInstructions() {
        List<Violation> violations = WorkflowValidator.validate(workflow(
                transform("a"),
                StepDefinition.of("b", StepTypes.EXTERNAL, List.of("a"), null, null),
                StepDefinition.of("c", StepTypes.EXTERNAL, List.of("a"), null, "   ")));

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

        assertThat(WorkflowValidator.validate(new WorkflowDefinition("paper-check", inputs,
                List.of(transformWith("a", "{{ inputs.a/b~c }}")))))
                .extracting(Violation::pointer).containsExactly("/inputs/a~1b~0c/type");
    }

    @Test
    void shouldReportEmptyNeedWithoutFailing() {
        assertThat(WorkflowValidator.validate(workflow(
                transform("a"),
                StepDefinition.of("b", StepTypes.TRANSFORM, Arrays.asList("a", null), "x", null))))
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
                StepDefinition.of("b", "teleport", List.of("a"), null, null),
                transform("c", "b", "ghost"),
                external("c", "a"),
                StepDefinition.of("d", StepTypes.TRANSFORM, List.of("d"), null, null))));

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

    @Test
    void shouldAcceptEveryFieldWhereItBelongs() {
        Map<String, InputDeclaration> inputs = new LinkedHashMap<>();
        inputs.put("paper_url", new InputDeclaration("string", true));
        inputs.put("pause", new InputDeclaration("string", false, "PT5M"));
        inputs.put("pages", new InputDeclaration("integer", false, 12));
        WorkflowDefinition definition = new WorkflowDefinition("paper-check", inputs, List.of(
                new StepDefinition("a", StepTypes.TRANSFORM, List.of(), Map.of("url", "{{ inputs.paper_url }}"), null,
                        new RetryPolicy(3, "PT2S", "PT1M"), "PT30S", "PT10M", null, null),
                new StepDefinition("b", StepTypes.EXTERNAL, List.of("a"), null, "Check {{ steps.a.output.url }}.",
                        new RetryPolicy(2, null, null), "P7D", "PT1H", null, null),
                waitStep("settle", "{{ inputs.pause }}", null, "b"),
                waitStep("later", null, "2030-01-01T09:00:00Z", "b"),
                new StepDefinition("c", StepTypes.TRANSFORM, List.of("settle", "later"),
                        Map.of("verdict", "{{ steps.b.output.verdict }}", "pages", List.of("{{ inputs.pages }}")),
                        null, null, null, null, null, null)), "P30D");

        assertThat(WorkflowValidator.validate(definition)).isEmpty();
    }

    @Test
    void shouldReportWaitWithoutDurationOrUntil() {
        assertThat(WorkflowValidator.validate(workflow(waitStep("w", null, null))))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.pointer()).isEqualTo("/steps/0/duration");
                    assertThat(violation.message()).contains("'duration'").contains("'until'");
                });
    }

    @Test
    void shouldReportWaitWithBothDurationAndUntil() {
        assertThat(WorkflowValidator.validate(workflow(waitStep("w", "PT1H", "2030-01-01T09:00:00Z"))))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.pointer()).isEqualTo("/steps/0/until");
                    assertThat(violation.message()).contains("exactly one").contains("'w'");
                });
    }

    @Test
    void shouldReportWaitDurationThatIsNotAnIsoDuration() {
        assertThat(List.of("1 hour", "P1M", "PT", "PT0S", "-PT1H")).allSatisfy(duration ->
                assertThat(WorkflowValidator.validate(workflow(waitStep("w", duration, null))))
                        .as(duration).singleElement().satisfies(violation -> {
                            assertThat(violation.pointer()).isEqualTo("/steps/0/duration");
                            assertThat(violation.message()).contains("duration of step 'w'").contains(duration);
                        }));
    }

    @Test
    void shouldReportWaitUntilThatIsNotAnIsoInstant() {
        assertThat(List.of("tomorrow", "2030-01-01", "2030-01-01T09:00:00")).allSatisfy(until ->
                assertThat(WorkflowValidator.validate(workflow(waitStep("w", null, until))))
                        .as(until).singleElement().satisfies(violation -> {
                            assertThat(violation.pointer()).isEqualTo("/steps/0/until");
                            assertThat(violation.message()).contains("ISO-8601 instant").contains(until);
                        }));
        assertThat(WorkflowValidator.validate(workflow(waitStep("w", null, "2030-01-01T09:00:00+02:00")))).isEmpty();
    }

    @Test
    void shouldLeaveTemplatedWaitTimesToTheRun() {
        Map<String, InputDeclaration> inputs = Map.of("pause", new InputDeclaration("string", true),
                "at", new InputDeclaration("string", true));

        assertThat(WorkflowValidator.validate(new WorkflowDefinition("paper-check", inputs, List.of(
                waitStep("w", "{{ inputs.pause }}", null),
                waitStep("v", "PT{{ inputs.pause }}M", null),
                waitStep("u", null, "{{ inputs.at }}"))))).isEmpty();
    }

    @Test
    void shouldReportFieldsThatDoNotApplyToTheStepType() {
        List<Violation> violations = WorkflowValidator.validate(workflow(
                new StepDefinition("a", StepTypes.TRANSFORM, List.of(), "x", "Do it.", null, null, null, "PT1H", null),
                new StepDefinition("b", StepTypes.EXTERNAL, List.of(), "x", "Do it.", null, null, null, null,
                        "2030-01-01T09:00:00Z"),
                new StepDefinition("w", StepTypes.WAIT, List.of(), Map.of(), "Wait.", new RetryPolicy(2, null, null),
                        "PT1H", "PT1M", "PT5M", null)));

        assertThat(violations).extracting(Violation::pointer).containsExactly(
                "/steps/0/instructions", "/steps/0/duration",
                "/steps/1/output", "/steps/1/until",
                "/steps/2/output", "/steps/2/instructions", "/steps/2/retry", "/steps/2/timeout",
                "/steps/2/dispatchTimeout");
        assertThat(violations.get(4).message()).isEqualTo("Field 'output' does not apply to a wait step like step 'w'; "
                + "besides id, type and needs, it takes 'duration' or 'until'.");
    }

    @Test
    void shouldNotCheckTheValueOfAFieldThatDoesNotApply() {
        assertThat(WorkflowValidator.validate(workflow(new StepDefinition("w", StepTypes.WAIT, List.of(), null, null,
                new RetryPolicy(0, "soon", null), "never", null, "PT1M", null))))
                .extracting(Violation::pointer).containsExactly("/steps/0/retry", "/steps/0/timeout");
    }

    @Test
    void shouldReportMaxAttemptsOutsideOneToAHundred() {
        assertThat(List.of(0, -1, 101)).allSatisfy(attempts ->
                assertThat(WorkflowValidator.validate(workflow(retried(new RetryPolicy(attempts, null, null)))))
                        .as("maxAttempts %s", attempts).singleElement().satisfies(violation -> {
                            assertThat(violation.pointer()).isEqualTo("/steps/0/retry/maxAttempts");
                            assertThat(violation.message()).contains("between 1 and 100").contains("" + attempts);
                        }));
        assertThat(List.of(1, 100)).allSatisfy(attempts -> assertThat(
                WorkflowValidator.validate(workflow(retried(new RetryPolicy(attempts, null, null))))).isEmpty());
    }

    @Test
    void shouldReportBackoffsThatAreNotPositiveDurations() {
        assertThat(WorkflowValidator.validate(workflow(retried(new RetryPolicy(3, "soon", "PT0S")))))
                .extracting(Violation::pointer).containsExactly("/steps/0/retry/backoff", "/steps/0/retry/maxBackoff");
        assertThat(WorkflowValidator.validate(workflow(retried(new RetryPolicy(3, "-PT1S", null)))))
                .singleElement().satisfies(violation -> assertThat(violation.message()).contains("longer than zero"));
    }

    @Test
    void shouldReportBackoffLongerThanMaxBackoff() {
        assertThat(WorkflowValidator.validate(workflow(retried(new RetryPolicy(3, "PT2M", "PT1M")))))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.pointer()).isEqualTo("/steps/0/retry/backoff");
                    assertThat(violation.message()).contains("PT2M").contains("PT1M");
                });
        assertThat(WorkflowValidator.validate(workflow(retried(new RetryPolicy(3, "PT10M", null)))))
                .singleElement().satisfies(violation ->
                        assertThat(violation.message()).contains("PT5M, the default"));
        assertThat(WorkflowValidator.validate(workflow(retried(new RetryPolicy(3, "PT1M", "PT1M"))))).isEmpty();
    }

    @Test
    void shouldReportStepTimeoutThatIsNotAPositiveDuration() {
        assertThat(WorkflowValidator.validate(workflow(timed("a", "30 seconds", null), timed("b", "PT0S", null))))
                .extracting(Violation::pointer).containsExactly("/steps/0/timeout", "/steps/1/timeout");
    }

    @Test
    void shouldReportDispatchTimeoutThatIsNotAPositiveDuration() {
        assertThat(WorkflowValidator.validate(workflow(timed("a", null, "PT-5M"))))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.pointer()).isEqualTo("/steps/0/dispatchTimeout");
                    assertThat(violation.message()).contains("dispatch timeout of step 'a'");
                });
    }

    @Test
    void shouldReportWorkflowTimeoutThatIsNotAPositiveDuration() {
        assertThat(WorkflowValidator.validate(new WorkflowDefinition("paper-check", INPUTS, List.of(transform("a")),
                "one day"))).singleElement().satisfies(violation -> {
                    assertThat(violation.pointer()).isEqualTo("/timeout");
                    assertThat(violation.message()).contains("workflow's timeout").contains("'one day'");
                });
    }

    @Test
    void shouldReportDurationsLongerThanAHundredYears() {
        assertThat(WorkflowValidator.validate(new WorkflowDefinition("paper-check", INPUTS,
                List.of(timed("a", "P36501D", null)), "PT999999999999H")))
                .extracting(Violation::pointer).containsExactly("/timeout", "/steps/0/timeout");
    }

    @Test
    void shouldReportTemplateOfAnUndeclaredInput() {
        List<Violation> violations = WorkflowValidator.validate(workflow(
                transformWith("a", Map.of("urls", List.of("{{ inputs.paper_url }}", "{{ inputs.paper }}")))));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/steps/0/output/urls/1");
            assertThat(violation.message()).isEqualTo("Template '{{ inputs.paper }}' in step 'a' refers to input "
                    + "'paper', which the workflow does not declare (it declares [paper_url]).");
        });
    }

    @Test
    void shouldReportTemplateOfAStepThatIsNotUpstream() {
        List<Violation> violations = WorkflowValidator.validate(workflow(
                transform("a"),
                transform("b", "a"),
                transformWith("c", "{{ steps.b.output }}", "a")));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/steps/2/output");
            assertThat(violation.message()).contains("'{{ steps.b.output }}'").contains("step 'c'")
                    .contains("not upstream").contains("add 'b' to its needs");
        });
    }

    @Test
    void shouldAcceptTemplateOfAStepUpstreamThroughOthers() {
        assertThat(WorkflowValidator.validate(workflow(
                transform("a"),
                transform("b", "a"),
                transformWith("c", "{{ steps.a.output.url }}", "b")))).isEmpty();
    }

    @Test
    void shouldReportTemplateOfAnUnknownStep() {
        assertThat(WorkflowValidator.validate(workflow(transformWith("a", "{{ steps.ghost.output.x }}"))))
                .singleElement().satisfies(violation -> assertThat(violation.message())
                        .contains("step 'ghost', which is not a step of this workflow"));
    }

    @Test
    void shouldReportTemplateOfTheStepsOwnOutput() {
        assertThat(WorkflowValidator.validate(workflow(transformWith("a", "{{ steps.a.output.x }}"))))
                .singleElement().satisfies(violation -> assertThat(violation.message()).contains("own output"));
    }

    @Test
    void shouldReportTemplateThatReadsNeitherInputsNorOutputs() {
        assertThat(WorkflowValidator.validate(workflow(
                transformWith("a", "{{ input.paper_url }} {{ inputs }} {{ steps.a }}"),
                transformWith("b", "{{ steps.a.input.url }}", "a"))))
                .extracting(Violation::pointer)
                .containsExactly("/steps/0/output", "/steps/0/output", "/steps/0/output", "/steps/1/output");
    }

    @Test
    void shouldReportTemplatesInInstructionsAndWaitTimes() {
        List<Violation> violations = WorkflowValidator.validate(workflow(
                new StepDefinition("b", StepTypes.EXTERNAL, List.of(), null, "Read {{ inputs.nope }}.",
                        null, null, null, null, null),
                waitStep("w", "{{ steps.x.output.pause }}", null),
                waitStep("v", null, "{{ inputs.when }}")));

        assertThat(violations).extracting(Violation::pointer)
                .containsExactly("/steps/0/instructions", "/steps/1/duration", "/steps/2/until");
    }

    @Test
    void shouldReportDefaultOfTheWrongType() {
        Map<String, InputDeclaration> inputs = new LinkedHashMap<>();
        inputs.put("pages", new InputDeclaration("integer", false, "twelve"));
        inputs.put("ratio", new InputDeclaration("number", false, 0.5));
        inputs.put("tags", new InputDeclaration("array", false, Map.of()));

        assertThat(WorkflowValidator.validate(new WorkflowDefinition("paper-check", inputs, List.of(
                StepDefinition.of("a", StepTypes.TRANSFORM, List.of(), "x", null)))))
                .satisfiesExactly(
                        pages -> {
                            assertThat(pages.pointer()).isEqualTo("/inputs/pages/default");
                            assertThat(pages.message()).isEqualTo(
                                    "The default of input 'pages' must be of type integer, but it is a string.");
                        },
                        tags -> assertThat(tags.pointer()).isEqualTo("/inputs/tags/default"));
    }

    @Test
    void shouldAcceptDefaultsOfEveryType() {
        Map<String, InputDeclaration> inputs = Map.of(
                "s", new InputDeclaration("string", false, "x"),
                "n", new InputDeclaration("number", true, 1.5),
                "i", new InputDeclaration("integer", false, 3L),
                "b", new InputDeclaration("boolean", false, false),
                "o", new InputDeclaration("object", false, Map.of("k", 1)),
                "a", new InputDeclaration("array", null, List.of(1, 2)));

        assertThat(WorkflowValidator.validate(new WorkflowDefinition("paper-check", inputs, List.of(
                StepDefinition.of("a", StepTypes.TRANSFORM, List.of(), "x", null))))).isEmpty();
    }

    @Test
    void shouldReportMoreThanAThousandSteps() {
        assertThat(WorkflowValidator.validate(workflow(chain(1_001).toArray(StepDefinition[]::new))))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.pointer()).isEqualTo("/steps");
                    assertThat(violation.message()).contains("at most 1,000 steps").contains("1,001");
                });
        assertThat(WorkflowValidator.validate(workflow(chain(1_000).toArray(StepDefinition[]::new)))).isEmpty();
    }

    @Test
    void shouldReportThreeMistakesInOneAnswer() {
        List<Violation> violations = WorkflowValidator.validate(workflow(
                transform("a"),
                waitStep("w", "an hour", null, "a"),
                transformWith("c", "{{ steps.w.output.waitedUntil }} {{ inputs.reviewer }}", "a")));

        assertThat(violations).extracting(Violation::pointer)
                .containsExactly("/steps/1/duration", "/steps/2/output", "/steps/2/output");
        assertThat(violations).extracting(Violation::message).satisfiesExactly(
                duration -> assertThat(duration).contains("'an hour'"),
                notUpstream -> assertThat(notUpstream).contains("steps.w.output"),
                undeclared -> assertThat(undeclared).contains("inputs.reviewer"));
    }

    @Test
    void shouldAcceptAttestorsAndAWebhookOnAnExternalStep() {
        StepDefinition review = new StepDefinition("review", "external", List.of(), null, "Check it", null, null, null,
                null, null, List.of("dr.chen", "reviewers"), "https://hooks.example.org/reckoning");

        assertThat(WorkflowValidator.validate(workflow(review))).isEmpty();
    }

    @Test
    void shouldReportBlankAttestorsAWebhookThatIsNoUrlAndBothOnOtherTypes() {
        StepDefinition review = new StepDefinition("review", "external", List.of(), null, "Check it", null, null, null,
                null, null, List.of(" "), "ftp://example.org");
        StepDefinition compute = new StepDefinition("compute", "transform", List.of(), Map.of(), null, null, null, null,
                null, null, List.of("dr.chen"), "https://hooks.example.org");

        assertThat(WorkflowValidator.validate(workflow(review, compute))).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/steps/0/attestors/0", "/steps/0/webhook", "/steps/1/attestors",
                        "/steps/1/webhook");
    }

    private static WorkflowDefinition workflow(StepDefinition... steps) {
        return new WorkflowDefinition("paper-check", INPUTS, Arrays.asList(steps));
    }

    private static StepDefinition transform(String id, String... needs) {
        return transformWith(id, Map.of("url", "{{ inputs.paper_url }}"), needs);
    }

    private static StepDefinition transformWith(String id, Object output, String... needs) {
        return StepDefinition.of(id, StepTypes.TRANSFORM, List.of(needs), output, null);
    }

    private static StepDefinition external(String id, String... needs) {
        return StepDefinition.of(id, StepTypes.EXTERNAL, List.of(needs), null,
                "Run the reference simulation and attach the result files.");
    }

    private static StepDefinition waitStep(String id, String duration, String until, String... needs) {
        return new StepDefinition(id, StepTypes.WAIT, List.of(needs), null, null, null, null, null, duration, until);
    }

    /** Transform step 'a' with the given retry policy. */
    private static StepDefinition retried(RetryPolicy retry) {
        return new StepDefinition("a", StepTypes.TRANSFORM, List.of(), "x", null, retry, null, null, null, null);
    }

    /** A transform step with the given time limits. */
    private static StepDefinition timed(String id, String timeout, String dispatchTimeout) {
        return new StepDefinition(id, StepTypes.TRANSFORM, List.of(), "x", null, null, timeout, dispatchTimeout,
                null, null);
    }

    /** {@code count} transform steps, each needing the one before. */
    private static List<StepDefinition> chain(int count) {
        List<StepDefinition> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            steps.add(i == 0 ? transform("s0") : transform("s" + i, "s" + (i - 1)));
        }
        return steps;
    }
}
