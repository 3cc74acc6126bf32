package io.reckoning.standalone;

import io.reckoning.command.CommandServiceApplication;
import io.reckoning.executor.ExecutorServiceApplication;
import io.reckoning.query.QueryServiceApplication;
import io.reckoning.testing.TestDatabase;
import io.reckoning.testing.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distributed deployment: command-, query- and executor-service as three Spring Boot applications with
 * their own contexts and ports, sharing only PostgreSQL and a Kafka broker.
 */
class ThreeServicesIT {

    /** The same admin token for the three services, as an operator would configure it. */
    private static final String TOKEN = "three-services-" + UUID.randomUUID();
    private static TestDatabase database;
    private static final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private static EngineClient client;
    private static URI commandService;
    private static URI queryService;
    private static URI executorService;
    private static EngineClient.Response startedWithoutExecutors;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
        // command-service first: it owns the event store's schema that the others read
        commandService = start(CommandServiceApplication.class, "command-service");
        queryService = start(QueryServiceApplication.class, "query-service");
        EngineClient early = new EngineClient(commandService, queryService, TOKEN);
        early.post("/api/workflows", "{\"name\":\"probe\",\"steps\":[{\"id\":\"only\",\"type\":\"transform\",\"output\":{}}]}");
        startedWithoutExecutors = early.post("/api/runs", Map.of("workflow", "probe"));
        executorService = start(ExecutorServiceApplication.class, "executor-service");
        client = new EngineClient(commandService, queryService, TOKEN);
    }

    private static URI start(Class<?> application, String name) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.application.name=" + name,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--reckoning.security.api-tokens=three-services:admin:" + TOKEN));
        arguments.addAll(List.of(InProcessEngine.credentials(database)));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .run(arguments.toArray(String[]::new));
        services.add(context);
        return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void shouldRunEachServiceInItsOwnContextOnItsOwnPort() {
        assertThat(List.of(commandService.getPort(), queryService.getPort(), executorService.getPort()))
                .doesNotHaveDuplicates();
        assertThat(services.stream().map(ConfigurableApplicationContext::getId)).doesNotHaveDuplicates();
        for (URI service : List.of(commandService, queryService, executorService)) {
            EngineClient.Response health = new EngineClient(service).get("/api/health");
            assertThat(health.status()).as("health of %s", service).isEqualTo(200);
            assertThat(health.body().get("status").asText()).isEqualTo("ok");
        }
    }

    @Test
    void shouldDriveTheWholeScenarioAcrossTheServices() {
        RunScenario.registerTwiceGivesOneVersion(client);
        RunScenario.waitsForAttestationThenSucceeds(client);
        RunScenario.failedAttestationFailsTheRunAndSkipsDownstream(client);
    }

    @Test
    void shouldRefuseARunWhileNoExecutorConsumesItsStepsAndCountIt() {
        assertThat(startedWithoutExecutors.status()).isEqualTo(422);
        assertThat(startedWithoutExecutors.body().get("type").asText()).isEqualTo("/problems/preflight-failed");
        assertThat(startedWithoutExecutors.body().get("errors").get(0).get("message").asText())
                .contains("reckoning.step-tasks.transform");
        assertThat(new EngineClient(commandService).rawGet("/actuator/prometheus"))
                .contains("reckoning_preflight_checks_total{outcome=\"failed\"");
        assertThat(client.get("/api/runs?workflow=probe").body().get("items")).as("no run was created").isEmpty();
    }

    @Test
    void shouldServeQueriesOnlyFromTheQueryService() {
        assertThat(client.getCommandSide("/api/runs").status()).isEqualTo(405);
    }
}
