package io.reckoning.standalone;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The values of the engine's own meters, read from {@code /actuator/prometheus} as Prometheus would. */
class EngineMetricsIT {

    @TempDir
    static Path dataDir;
    private static InProcessEngine engine;
    private static EngineClient client;

    @BeforeAll
    static void start() {
        engine = InProcessEngine.start(dataDir);
        client = engine.client();
        RunScenario.registerTwiceGivesOneVersion(client);
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void shouldCountAndTimeARunItsStepsAndItsEvents() {
        double started = value("reckoning_runs_started_total{workflow=\"demo\"}");
        double succeeded = value("reckoning_runs_finished_total{status=\"SUCCEEDED\",workflow=\"demo\"}");
        double transforms = value("reckoning_step_duration_seconds_count{outcome=\"succeeded\",type=\"transform\"}");
        double runsStartedEvents = value("reckoning_events_appended_total{type=\"RunStarted\"}");

        RunScenario.waitsForAttestationThenSucceeds(client);

        Awaitility.await("run metrics").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(value("reckoning_runs_started_total{workflow=\"demo\"}")).isEqualTo(started + 1);
            assertThat(value("reckoning_runs_finished_total{status=\"SUCCEEDED\",workflow=\"demo\"}")).isEqualTo(succeeded + 1);
            assertThat(value("reckoning_step_duration_seconds_count{outcome=\"succeeded\",type=\"transform\"}"))
                    .isEqualTo(transforms + 2);
            assertThat(value("reckoning_attestation_wait_seconds_count{outcome=\"succeeded\",workflow=\"demo\"}"))
                    .isGreaterThanOrEqualTo(1);
        });
        assertThat(value("reckoning_events_appended_total{type=\"RunStarted\"}")).isEqualTo(runsStartedEvents + 1);
        assertThat(value("reckoning_run_duration_seconds_bucket{status=\"SUCCEEDED\",workflow=\"demo\",le=\"+Inf\"}"))
                .isEqualTo(succeeded + 1);
    }

    @Test
    void shouldShowTheLagOfAProcessorThatStoppedAndItsCatchingUp() {
        EventProcessor runView = engine.context().getBean(EventProcessingConfiguration.class)
                .eventProcessor("run-view").orElseThrow();
        runView.shutDown();
        try {
            client.startDemoRun();

            Awaitility.await("lag of run-view").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        assertThat(value("reckoning_processor_lag_events{group=\"run-view\"}")).isPositive();
                        assertThat(value("reckoning_processor_lag_seconds{group=\"run-view\"}")).isPositive();
                        assertThat(value("reckoning_processor_lag_events{group=\"run-event-publisher\"}")).isZero();
                    });
        } finally {
            runView.start();
        }
        Awaitility.await("run-view caught up").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(value("reckoning_processor_lag_events{group=\"run-view\"}")).isZero());
    }

    /** One sample's value in the scrape, 0 when the series does not exist yet. */
    private static double value(String series) {
        Matcher sample = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
                .matcher(client.rawGet("/actuator/prometheus"));
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }
}
