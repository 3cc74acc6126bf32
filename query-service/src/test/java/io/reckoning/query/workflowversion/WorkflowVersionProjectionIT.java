package io.reckoning.query.workflowversion;

import io.reckoning.events.WorkflowRegistered;
import io.reckoning.query.readmodel.ReadModelDatabase;
import io.reckoning.support.json.ContractJsonModule;
import io.reckoning.workflow.InputDeclaration;
import io.reckoning.workflow.StepDefinition;
import io.reckoning.workflow.WorkflowDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** workflow-version's handler called directly, against a real PostgreSQL database. */
class WorkflowVersionProjectionIT {

    private static final JsonMapper JSON = JsonMapper.builder().addModule(new ContractJsonModule()).build();
    private static final Instant FIRST_AT = Instant.parse("2030-01-02T03:04:05.123456Z");
    private static final Instant SECOND_AT = FIRST_AT.plusSeconds(3600);

    private static ReadModelDatabase database;

    private WorkflowVersionProjection projection;
    private WorkflowVersionQueries queries;

    @BeforeAll
    static void createDatabase() {
        database = ReadModelDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void setUp() {
        database.jdbc().update("delete from query.workflow_version");
        projection = new WorkflowVersionProjection(database.jdbc(), JSON);
        queries = new WorkflowVersionQueries(database.jdbc(), JSON);
    }

    @Test
    void shouldKeepEachVersionWithItsDefinitionAsRegistered() {
        WorkflowRegistered first = registered("paper-review", 1, "11");
        projection.on(first, 0, FIRST_AT);

        WorkflowVersion version = queries.find("paper-review", 1).orElseThrow();
        assertThat(version.name()).isEqualTo("paper-review");
        assertThat(version.version()).isEqualTo(1);
        assertThat(version.digest()).isEqualTo(first.digest());
        assertThat(version.registeredAt()).isEqualTo(FIRST_AT);
        assertThat(version.definition()).isEqualTo(JSON.valueToTree(first.definition()));
        assertThat(version.definition().get("inputs").get("pages").get("default").asInt()).isEqualTo(12);
        assertThat(version.definition().propertyNames()).as("the key order of the event")
                .containsExactly("name", "inputs", "steps", "timeout");
        assertThat(JSON.treeToValue(version.definition(), WorkflowDefinition.class)).isEqualTo(first.definition());
    }

    @Test
    void shouldListEveryWorkflowByItsLatestVersion() {
        projection.on(registered("paper-review", 1, "11"), 0, FIRST_AT);
        projection.on(registered("paper-review", 2, "22"), 1, SECOND_AT);
        projection.on(registered("lab-check", 1, "33"), 0, FIRST_AT);

        assertThat(queries.workflows()).containsExactly(
                new WorkflowVersionQueries.Workflow("lab-check", 1, "sha256:" + "33".repeat(32), FIRST_AT, 1),
                new WorkflowVersionQueries.Workflow("paper-review", 2, "sha256:" + "22".repeat(32), SECOND_AT, 2));
    }

    @Test
    void shouldListTheVersionsOfAWorkflowNewestFirst() {
        projection.on(registered("paper-review", 1, "11"), 0, FIRST_AT);
        projection.on(registered("paper-review", 2, "22"), 1, SECOND_AT);
        projection.on(registered("lab-check", 1, "33"), 0, FIRST_AT);

        assertThat(queries.versions("paper-review")).containsExactly(
                new WorkflowVersionQueries.Version(2, "sha256:" + "22".repeat(32), SECOND_AT),
                new WorkflowVersionQueries.Version(1, "sha256:" + "11".repeat(32), FIRST_AT));
    }

    @Test
    void shouldChangeNothingWhenAVersionIsReplayed() {
        WorkflowRegistered first = registered("paper-review", 1, "11");
        projection.on(first, 0, FIRST_AT);
        WorkflowVersion before = queries.find("paper-review", 1).orElseThrow();

        projection.on(first, 0, SECOND_AT);

        assertThat(queries.find("paper-review", 1)).contains(before);
        assertThat(queries.versions("paper-review")).hasSize(1);
    }

    @Test
    void shouldKeepThePositionOfTheEventItWasAppliedFrom() {
        projection.on(registered("paper-review", 1, "11"), 0, FIRST_AT);
        projection.on(registered("paper-review", 2, "22"), 1, SECOND_AT);

        assertThat(database.jdbc().queryForList(
                "select last_sequence from query.workflow_version where name = 'paper-review' order by version",
                Long.class)).containsExactly(0L, 1L);
    }

    @Test
    void shouldFindNothingForAnUnknownNameOrVersion() {
        projection.on(registered("paper-review", 1, "11"), 0, FIRST_AT);

        assertThat(queries.find("paper-review", 2)).isEmpty();
        assertThat(queries.find("lab-check", 1)).isEmpty();
        assertThat(queries.versions("lab-check")).isEmpty();
    }

    private static WorkflowRegistered registered(String name, int version, String digestByte) {
        WorkflowDefinition definition = new WorkflowDefinition(name,
                Map.of("pages", new InputDeclaration("integer", false, 12)),
                List.of(StepDefinition.of("extract", "transform", List.of(), Map.of("v", version), null)), "P1D");
        return new WorkflowRegistered(name, version, "sha256:" + digestByte.repeat(32), definition);
    }
}
