package io.reckoning.benchmarks.store;

import io.reckoning.events.RunEvent;
import io.reckoning.events.RunFailed;
import io.reckoning.events.RunStarted;
import io.reckoning.events.RunSucceeded;
import io.reckoning.events.RunWaiting;
import io.reckoning.eventstore.WireNameSerializer;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's histories are streams the engine could have written, and the event store takes them as such. */
class RunHistoriesTest {

    private final WireNameSerializer serializer = new WireNameSerializer();

    @Test
    void shouldWriteEachRunAsOneStreamFromSequenceZeroStartingAndEndingAsTheEngineDoes() {
        for (long n = 0; n < 20; n++) {
            List<RunHistories.StoredEvent> run = RunHistories.run(n);

            assertThat(run).extracting(RunHistories.StoredEvent::sequence)
                    .containsExactlyElementsOf(LongStream.range(0, run.size()).boxed().toList());
            assertThat(run).extracting(RunHistories.StoredEvent::aggregateId).containsOnly(run.get(0).aggregateId());
            assertThat(run.get(0).payload()).isInstanceOf(RunStarted.class);
            assertThat(run.get(run.size() - 1).payload()).isInstanceOfAny(RunSucceeded.class, RunFailed.class,
                    RunWaiting.class);
            assertThat(run).extracting(RunHistories.StoredEvent::payload)
                    .allSatisfy(event -> assertThat(((RunEvent) event).runId()).isEqualTo(run.get(0).aggregateId()));
        }
    }

    @Test
    void shouldMixOutcomesAsDocumented() {
        List<Object> last = LongStream.range(0, 20).mapToObj(n -> {
            List<RunHistories.StoredEvent> run = RunHistories.run(n);
            return run.get(run.size() - 1).payload();
        }).toList();

        assertThat(last).filteredOn(RunSucceeded.class::isInstance).hasSize(17);
        assertThat(last).filteredOn(RunFailed.class::isInstance).hasSize(2);
        assertThat(last).filteredOn(RunWaiting.class::isInstance).hasSize(1);
    }

    @Test
    void shouldSerializeEveryEventUnderItsWireNameAndReadItBack() {
        List<RunHistories.StoredEvent> events = new ArrayList<>(List.of(RunHistories.registration()));
        LongStream.range(0, 20).forEach(n -> events.addAll(RunHistories.run(n)));

        assertThat(events).allSatisfy(event -> {
            SerializedObject<byte[]> serialized = serializer.serialize(event.payload(), byte[].class);
            assertThat(serialized.getType().getName()).isEqualTo(event.payload().getClass().getSimpleName());
            assertThat((Object) serializer.deserialize(serialized)).isEqualTo(event.payload());
        });
    }
}
