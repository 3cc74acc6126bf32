package io.reckoning.eventstore;

import io.reckoning.events.EventTypes;
import io.reckoning.events.EventTypes.EventType;
import io.reckoning.support.json.ContractJsonModule;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

/**
 * Stores events under their stable wire names and schema versions ({@code RunStarted}, revision {@code 1})
 * instead of Java class names, so the history survives refactoring and reads the same to any consumer.
 * Types that are not events (none are expected in the event store) keep their class names. Payloads are written
 * with the contract's JSON names ({@link ContractJsonModule}), as the schemas describe them.
 */
public class WireNameSerializer extends Jackson3Serializer {

    public WireNameSerializer() {
        super(Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(mapper -> mapper.addModule(new ContractJsonModule())));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return EventTypes.of(type)
                .<SerializedType>map(event -> new SimpleSerializedType(event.name(), String.valueOf(event.version())))
                .orElseGet(() -> super.typeForClass(type));
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return EventTypes.named(serializedType.getName())
                .map(EventType::javaType)
                .map(Class::getName)
                .orElseGet(() -> super.resolveClassName(serializedType));
    }
}
