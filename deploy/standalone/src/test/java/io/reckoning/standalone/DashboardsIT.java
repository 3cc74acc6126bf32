package io.reckoning.standalone;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the shipped Grafana dashboards and Prometheus alerts read is exported by the engine: the PromQL of
 * every panel and rule, against a scrape of {@code /actuator/prometheus} after runs that succeed and fail, an llm
 * step on the fake provider and a projection replay.
 */
class DashboardsIT {

    private static final Path DASHBOARDS = Path.of("..", "grafana", "dashboards");
    private static final Path ALERTS = Path.of("..", "prometheus", "reckoning-alerts.yml");

    @TempDir
    static Path dataDir;

    @Test
    void shouldShipTheFourDashboardsWithAQueryInEveryPanel() throws IOException {
        Map<String, List<String>> queries = dashboardQueries();

        assertThat(queries.keySet().stream().map(key -> key.substring(0, key.indexOf(" / "))).distinct())
                .containsExactlyInAnyOrder("Reckoning: Overview", "Reckoning: Runs and steps",
                        "Reckoning: Executors and LLM", "Reckoning: Event store, projections and Kafka");
        assertThat(queries).allSatisfy((panel, expressions) -> assertThat(expressions).as(panel).isNotEmpty());
    }

    @Test
    void shouldExportEveryMetricTheDashboardsAndAlertsRead() throws IOException {
        Map<String, Set<String>> wanted = new TreeMap<>();
        dashboardQueries().forEach((panel, expressions) -> expressions.forEach(expression ->
                PromQl.metricNames(expression).forEach(name -> wanted.computeIfAbsent(name, n -> new TreeSet<>()).add(panel))));
        alertExpressions().forEach((alert, expression) -> PromQl.metricNames(expression)
                .forEach(name -> wanted.computeIfAbsent(name, n -> new TreeSet<>()).add("alert " + alert)));
        assertThat(wanted).as("metric names read by the dashboards and alerts").hasSizeGreaterThan(20);

        try (InProcessEngine engine = InProcessEngine.start(dataDir, "--reckoning.query.trust-refresh=PT1S")) {
            EngineClient client = engine.client();
            RunScenario.registerTwiceGivesOneVersion(client);
            RunScenario.waitsForAttestationThenSucceeds(client);
            RunScenario.failedAttestationFailsTheRunAndSkipsDownstream(client);
            // an llm step on the fake provider (the LLM panels) and one replay (the replay panels)
            assertThat(client.post("/api/workflows", LlmWorkflows.review("dashboards-llm", null)).status()).isEqualTo(201);
            client.awaitRun(client.startRun(Map.of("workflow", "dashboards-llm", "inputs", Map.of("topic", "meters"))),
                    "SUCCEEDED");
            assertThat(client.post("/api/admin/projections/workflow-version/replay", "").status()).isEqualTo(202);

            // Some meters appear a moment after the runs (gauges refreshed on a schedule): wait for them a while.
            Awaitility.await("every metric the dashboards and alerts read").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(missing(client, wanted))
                            .as("metrics read by a dashboard panel or an alert that the engine does not export").isEmpty());
        }
    }

    /** The wanted metrics the engine does not export, each with the panels and alerts that read it. */
    private static Map<String, Set<String>> missing(EngineClient client, Map<String, Set<String>> wanted) {
        Map<String, Set<String>> missing = new TreeMap<>(wanted);
        missing.keySet().removeAll(PromQl.exported(client.rawGet("/actuator/prometheus")));
        return missing;
    }

    /** "dashboard / panel" → the PromQL of its targets; rows are containers, not panels. */
    private static Map<String, List<String>> dashboardQueries() throws IOException {
        Map<String, List<String>> queries = new TreeMap<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = EngineClient.JSON.readTree(Files.readString(file));
                collect(dashboard.get("title").asText(), dashboard.get("panels"), queries);
            }
        }
        return queries;
    }

    private static void collect(String dashboard, JsonNode panels, Map<String, List<String>> queries) {
        for (JsonNode panel : panels) {
            if ("row".equals(panel.path("type").asText())) {
                collect(dashboard, panel.path("panels"), queries);
                continue;
            }
            List<String> expressions = new ArrayList<>();
            panel.path("targets").forEach(target -> {
                if (target.hasNonNull("expr") && !target.get("expr").asText().isBlank()) {
                    expressions.add(target.get("expr").asText());
                }
            });
            queries.put(dashboard + " / " + panel.path("title").asText(), expressions);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> alertExpressions() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(ALERTS));
        Map<String, String> expressions = new TreeMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.put(String.valueOf(rule.get("alert")), String.valueOf(rule.get("expr")));
            }
        }
        return expressions;
    }
}
