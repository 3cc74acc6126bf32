package io.reckoning.standalone;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code promtool check config} and {@code promtool check rules} on the shipped Prometheus files, and every query of the
 * shipped dashboards parsed by promtool as a recording rule. promtool comes with
 * Debian's {@code prometheus} package, which {@code .ci/run} installs: under CI ({@code CI=true}) a missing promtool
 * fails the build; elsewhere the checks are skipped with a message saying how to get it.
 */
class PrometheusRulesTest {

    private static final Path PROMETHEUS = Path.of("..", "prometheus");
    private static final Path DASHBOARDS = Path.of("..", "grafana", "dashboards");

    @BeforeAll
    static void promtoolIsInstalled() {
        boolean installed = onPath("promtool");
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(installed).as("promtool on the PATH under CI (.ci/run installs Debian's prometheus package)").isTrue();
        }
        Assumptions.assumeTrue(installed, "promtool is not installed: the Prometheus files are not checked here. "
                + "Install it with: apt-get install -y --no-install-recommends prometheus");
    }

    @Test
    void shouldAcceptTheScrapeConfigurationAndTheRulesItLoads() throws Exception {
        assertThat(promtool("check", "config", PROMETHEUS.resolve("prometheus.yml").toString()))
                .contains("SUCCESS").contains("1 rule files found");
    }

    @Test
    void shouldAcceptTheAlertRules() throws Exception {
        assertThat(promtool("check", "rules", PROMETHEUS.resolve("reckoning-alerts.yml").toString()))
                .contains("SUCCESS: 8 rules found");
    }

    /** Every panel's PromQL as a recording rule, so promtool parses each expression the dashboards send. */
    @Test
    void shouldParseEveryQueryOfTheDashboards(@TempDir Path directory) throws Exception {
        List<Map<String, String>> rules = new ArrayList<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                EngineClient.JSON.readTree(Files.readString(file)).get("panels").forEach(panel ->
                        panel.path("targets").forEach(target -> rules.add(Map.of(
                                "record", "dashboard:query_" + rules.size(), "expr", target.get("expr").asText()))));
            }
        }
        Path asRules = directory.resolve("dashboard-queries.yml");
        // JSON is YAML: promtool reads it as a rules file.
        Files.writeString(asRules, EngineClient.JSON.writeValueAsString(
                Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules)))));

        assertThat(rules).hasSizeGreaterThan(40);
        assertThat(promtool("check", "rules", asRules.toString())).contains("SUCCESS: " + rules.size() + " rules found");
    }

    private static String promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("promtool %s: %s", String.join(" ", arguments), output).isZero();
        return output;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(directory -> new File(directory, program).canExecute());
    }
}
