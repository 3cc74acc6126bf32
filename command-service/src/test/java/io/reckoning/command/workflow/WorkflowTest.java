package io.reckoning.command.workflow;

import io.reckoning.events.WorkflowRegistered;
import io.reckoning.workflow.WorkflowDefinition;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.reckoning.command.Definitions.workflow;

/** The Workflow aggregate: one per name, numbering the versions of its content. */
class WorkflowTest {

    private static final WorkflowDefinition FIRST = workflow("paper-review")
            .input("paper_url", "string")
            .transform("extract", Map.of("url", "{{ inputs.paper_url }}"))
            .build();
    private static final WorkflowDefinition SECOND = workflow("paper-review")
            .input("paper_url", "string")
            .transform("extract", Map.of("url", "{{ inputs.paper_url }}"))
            .external("simulate", "Run the reference simulation.", "extract")
            .build();
    private static final String FIRST_DIGEST = "sha256:" + "11".repeat(32);
    private static final String SECOND_DIGEST = "sha256:" + "22".repeat(32);

    private FixtureConfiguration<Workflow> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workflow.class);
    }

    @Test
    void givenNoWorkflowOfThatName_whenRegistered_thenVersionOneIsRegistered() {
        fixture.givenNoPriorActivity()
                .when(RegisterWorkflow.of(FIRST, FIRST_DIGEST))
                .expectEvents(new WorkflowRegistered("paper-review", 1, FIRST_DIGEST, FIRST))
                .expectResultMessagePayload(new Registration("paper-review", 1, FIRST_DIGEST, true));
    }

    @Test
    void givenVersionOne_whenTheSameContentIsRegisteredAgain_thenNoEventsAndVersionOneIsAnswered() {
        fixture.given(new WorkflowRegistered("paper-review", 1, FIRST_DIGEST, FIRST))
                .when(RegisterWorkflow.of(FIRST, FIRST_DIGEST))
                .expectNoEvents()
                .expectResultMessagePayload(new Registration("paper-review", 1, FIRST_DIGEST, false));
    }

    @Test
    void givenVersionOne_whenNewContentIsRegistered_thenVersionTwoIsRegistered() {
        fixture.given(new WorkflowRegistered("paper-review", 1, FIRST_DIGEST, FIRST))
                .when(RegisterWorkflow.of(SECOND, SECOND_DIGEST))
                .expectEvents(new WorkflowRegistered("paper-review", 2, SECOND_DIGEST, SECOND))
                .expectResultMessagePayload(new Registration("paper-review", 2, SECOND_DIGEST, true));
    }

    @Test
    void givenTwoVersions_whenTheFirstContentIsRegisteredAgain_thenNoEventsAndVersionOneIsAnswered() {
        fixture.given(new WorkflowRegistered("paper-review", 1, FIRST_DIGEST, FIRST),
                        new WorkflowRegistered("paper-review", 2, SECOND_DIGEST, SECOND))
                .when(RegisterWorkflow.of(FIRST, FIRST_DIGEST))
                .expectNoEvents()
                .expectResultMessagePayload(new Registration("paper-review", 1, FIRST_DIGEST, false));
    }
}
