package io.reckoning.support.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.reckoning.workflow.InputDeclaration;
import tools.jackson.databind.module.SimpleModule;

import java.lang.reflect.RecordComponent;

/**
 * The JSON names of the contract where they differ from the Java names: events-schema has no dependencies, so its
 * records carry no Jackson annotations, and a component that cannot have its wire name in Java (a keyword) gets it
 * here. Every mapper that reads or writes the contract registers this module: Spring Boot's {@code JsonMapper} (it
 * is a bean), the event store's serializer and the digest of definitions.
 *
 * <p>{@link InputDeclaration#defaultValue()} is {@code default} on the wire, and {@code required} is written from
 * {@link InputDeclaration#isRequired()}: always a boolean, so an input declared without it and one declared
 * {@code required: false} are the same content.
 */
public final class ContractJsonModule extends SimpleModule {

    /** The wire name of {@link InputDeclaration#defaultValue()}. */
    public static final String INPUT_DEFAULT = "default";

    public ContractJsonModule() {
        super("reckoning-contract");
        setMixInAnnotation(InputDeclaration.class, InputDeclarationNames.class);
    }

    /** The JSON name of a component of a contract record, as this module has Jackson read and write it. */
    public static String jsonName(RecordComponent component) {
        boolean inputDefault = component.getDeclaringRecord() == InputDeclaration.class
                && component.getName().equals("defaultValue");
        return inputDefault ? INPUT_DEFAULT : component.getName();
    }

    /** Names the creator parameter and the accessor alike, so reading and writing agree. */
    abstract static class InputDeclarationNames {

        @JsonCreator
        InputDeclarationNames(@JsonProperty("type") String type, @JsonProperty("required") Boolean required,
                              @JsonProperty(INPUT_DEFAULT) Object defaultValue) {
        }

        @JsonProperty("required")
        abstract boolean isRequired();

        @JsonProperty(INPUT_DEFAULT)
        abstract Object defaultValue();
    }
}
