package io.reckoning.eventstore;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Lets Axon's general (token and snapshot) serializer read the class names Axon writes into its own tracking
 * tokens, and nothing else. Axon 4.13's {@code ReplayToken} declares its {@code context} as a polymorphic
 * {@code Object}, which Jackson 3 refuses by default (AxonFramework#4160): a processor that starts on a store that
 * already holds events (a new read model, a reset position) is given a replay token and could then never load it
 * again, so it stopped.
 */
public final class AxonTypesOnly implements Jackson3SerializerCustomizer {

    private static final String AXON_PACKAGES = "org.axonframework.";

    @Override
    public void accept(JsonMapper.Builder mapper) {
        mapper.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder().allowIfSubType(AXON_PACKAGES).build());
    }
}
