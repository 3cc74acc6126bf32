package io.reckoning.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.reckoning.workflow.InputDeclaration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * The contract's JSON names where they differ from the records' component names. The records carry no annotations
 * (events-schema has no dependencies), so the services name them with service-support's {@code ContractJsonModule};
 * these tests cannot depend on it and use the same mix-ins, declared here.
 */
public final class ContractNames {

    /** {@code InputDeclaration.defaultValue} is {@code default} on the wire; {@code required} is always written. */
    abstract static class InputDeclarationNames {

        @JsonCreator
        InputDeclarationNames(@JsonProperty("type") String type, @JsonProperty("required") Boolean required,
                              @JsonProperty("default") Object defaultValue) {
        }

        @JsonProperty("required")
        abstract boolean isRequired();

        @JsonProperty("default")
        abstract Object defaultValue();
    }

    private static final Map<Class<?>, Class<?>> MIX_INS = Map.of(InputDeclaration.class, InputDeclarationNames.class);

    private ContractNames() {
    }

    public static JacksonModule module() {
        SimpleModule module = new SimpleModule("contract-names");
        MIX_INS.forEach(module::setMixInAnnotation);
        return module;
    }

    /** The JSON name of a record component: its name, unless a mix-in renames its accessor. */
    public static String wireName(RecordComponent component) {
        Class<?> mixIn = MIX_INS.get(component.getDeclaringRecord());
        if (mixIn == null) {
            return component.getName();
        }
        try {
            Method accessor = mixIn.getDeclaredMethod(component.getName());
            JsonProperty property = accessor.getAnnotation(JsonProperty.class);
            return property == null || property.value().isEmpty() ? component.getName() : property.value();
        } catch (NoSuchMethodException e) {
            return component.getName();
        }
    }
}
