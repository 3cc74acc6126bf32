package io.reckoning.benchmarks.workload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Percentiles by nearest rank, in milliseconds from microsecond samples. */
class DistributionTest {

    @Test
    void shouldAnswerTheNearestRankPercentileInMilliseconds() {
        Distribution distribution = new Distribution();
        for (long ms = 100; ms >= 1; ms--) {
            distribution.add(ms * 1000);
        }

        assertThat(distribution.count()).isEqualTo(100);
        assertThat(distribution.percentileMillis(50)).isEqualTo(50.0);
        assertThat(distribution.percentileMillis(99)).isEqualTo(99.0);
        assertThat(distribution.percentileMillis(99.5)).isEqualTo(100.0);
        assertThat(distribution.maxMillis()).isEqualTo(100.0);
        assertThat(distribution.percentileMillis(0)).isEqualTo(1.0);
    }

    @Test
    void shouldGrowPastItsFirstArrayAndForgetEverythingWhenCleared() {
        Distribution distribution = new Distribution();
        for (int i = 0; i < 5000; i++) {
            distribution.add(1500);
        }

        assertThat(distribution.percentileMillis(99)).isEqualTo(1.5);
        distribution.clear();
        assertThat(distribution.count()).isZero();
        assertThat(distribution.percentileMillis(50)).isNaN();
    }
}
