package io.reckoning.standalone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {

    @Test
    void shouldFindTheMetricsOfAHistogramQuantile() {
        assertThat(PromQl.metricNames(
                "histogram_quantile(0.95, sum by (le, workflow) (rate(reckoning_run_duration_seconds_bucket{le=\"900.0\"}[15m])))"))
                .containsExactly("reckoning_run_duration_seconds_bucket");
    }

    @Test
    void shouldFindEverySideOfABinaryExpressionButNoKeywordNumberOrLabel() {
        assertThat(PromQl.metricNames("min(reckoning_disk_free_bytes) < max(reckoning_database_size_bytes) + 5e9 "
                + "and on (instance) sum without (topic) (increase(reckoning_dead_letters_total{topic=~\"a.b\"}[1h] offset 5m)) > 0"))
                .containsExactly("reckoning_database_size_bytes", "reckoning_dead_letters_total", "reckoning_disk_free_bytes");
    }

    @Test
    void shouldKeepTheSuffixesAsPrometheusStoresThem() {
        assertThat(PromQl.exported("""
                # HELP reckoning_runs_started_total Runs started
                # TYPE reckoning_runs_started_total counter
                reckoning_runs_started_total{workflow="demo"} 1.0
                reckoning_run_duration_seconds_bucket{le="1.0"} 0
                reckoning_run_duration_seconds_count 1
                reckoning_database_size_bytes 8.0E6
                """)).containsExactly("reckoning_database_size_bytes", "reckoning_run_duration_seconds_bucket",
                "reckoning_run_duration_seconds_count", "reckoning_runs_started_total");
    }
}
