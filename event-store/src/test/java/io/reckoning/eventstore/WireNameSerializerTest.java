package io.reckoning.eventstore;

import io.reckoning.events.WorkflowRegistered;
import io.reckoning.workflow.InputDeclaration;
import io.reckoning.workflow.StepDefinition;
import io.reckoning.workflow.WorkflowDefinition;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WireNameSerializerTest {

    private static final WireNameSerializer SERIALIZER = new WireNameSerializer();
    private static final WorkflowRegistered EVENT = new WorkflowRegistered("paper-check", 1, "sha256:" + "ab".repeat(32),
            new WorkflowDefinition("paper-check", Map.of("pages", new InputDeclaration("integer", false, 12)),
                    List.of(StepDefinition.of("a", "transform", List.of(), "{{ inputs.pages }}", null))));

    @Test
    void shouldStoreAnEventUnderItsWireNameAndVersion() {
        SerializedObject<String> stored = SERIALIZER.serialize(EVENT, String.class);

        assertThat(stored.getType().getName()).isEqualTo("WorkflowRegistered");
        assertThat(stored.getType().getRevision()).isEqualTo("1");
    }

    @Test
    void shouldWriteAndReadTheContractsJsonNames() {
        SerializedObject<String> stored = SERIALIZER.serialize(EVENT, String.class);

        assertThat(stored.getData()).contains("\"default\":12").doesNotContain("defaultValue");
        assertThat((Object) SERIALIZER.deserialize(stored)).isEqualTo(EVENT);
    }
}
