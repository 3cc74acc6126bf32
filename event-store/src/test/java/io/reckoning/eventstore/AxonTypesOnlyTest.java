package io.reckoning.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AxonTypesOnlyTest {

    private final Jackson3Serializer tokens = Jackson3Serializer.builder().jsonMapperBuilderCustomizer(new AxonTypesOnly()).build();

    @Test
    void shouldReadBackTheReplayTokenAxonGivesAProcessorThatStartsOnAStoreWithEvents() {
        TrackingToken replay = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(12, List.of()), null);

        SerializedObject<byte[]> stored = tokens.serialize(replay, byte[].class);

        TrackingToken read = tokens.deserialize(stored);

        assertThat(read).isEqualTo(replay);
    }

    @Test
    void shouldStillRefuseAClassOutsideAxonNamedInAToken() {
        byte[] hostile = """
                {"tokenAtReset":{"@class":"java.net.URL","value":"http://example.org"},"currentToken":null,"context":null}"""
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> tokens.deserialize(new SimpleSerializedObject<>(hostile, byte[].class,
                ReplayToken.class.getName(), null))).hasMessageContaining("deserializ");
    }
}
