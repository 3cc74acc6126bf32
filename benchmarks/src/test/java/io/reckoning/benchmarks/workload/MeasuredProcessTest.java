package io.reckoning.benchmarks.workload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --pid}: bare pids keep their number as name, named ones report under their name. */
class MeasuredProcessTest {

    @Test
    void shouldNameProcessesByTheirNameOrElseTheirPid() {
        assertThat(MeasuredProcess.parseList("command=101, query=102,7"))
                .containsExactly(new MeasuredProcess("command", 101), new MeasuredProcess("query", 102),
                        new MeasuredProcess("7", 7));
        assertThat(MeasuredProcess.parseList("")).isEmpty();
    }

    @Test
    void shouldRefuseWhatIsNotAPidOrAName() {
        assertThatThrownBy(() -> MeasuredProcess.parseList("command=abc")).hasMessageContaining("'command=abc'");
        assertThatThrownBy(() -> MeasuredProcess.parseList("1x=5")).hasMessageContaining("process name");
        assertThatThrownBy(() -> MeasuredProcess.parseList("a=1,a=2")).hasMessageContaining("twice");
    }
}
