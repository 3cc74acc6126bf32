package io.reckoning.support.health;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DurabilitySettingsTest {

    @Test
    void shouldAcceptEveryDurableValue() {
        assertThat(new DurabilitySettings(Map.of("fsync", "on", "synchronous_commit", "remote_apply",
                "full_page_writes", "on")).problems()).isEmpty();
        assertThat(new DurabilitySettings(Map.of("fsync", "on", "synchronous_commit", "local",
                "full_page_writes", "on")).problems()).isEmpty();
    }

    @Test
    void shouldNameEverySettingThatIsOff() {
        assertThat(new DurabilitySettings(Map.of("fsync", "off", "synchronous_commit", "off",
                "full_page_writes", "off")).problems()).containsExactly("fsync is off; it must be on",
                "synchronous_commit is off; it must be on", "full_page_writes is off; it must be on");
    }

    @Test
    void shouldRefuseWhatItCouldNotRead() {
        assertThat(new DurabilitySettings(Map.of("fsync", "on", "synchronous_commit", "on")).problems())
                .containsExactly("full_page_writes is unknown; it must be on");
    }
}
