package io.reckoning.workflow;

/** A declared run input; {@code type} is a JSON type name: string, number, integer, boolean, object, array. */
public record InputDeclaration(String type, boolean required) {
}
