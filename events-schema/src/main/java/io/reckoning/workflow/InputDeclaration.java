package io.reckoning.workflow;

/**
 * A declared run input; {@code type} is a JSON type name: string, number, integer, boolean, object, array.
 *
 * @param required     whether a run must be given it; null means false
 * @param defaultValue the value a run gets when it is not given one (on the wire: {@code default}); null for none
 */
public record InputDeclaration(String type, Boolean required, Object defaultValue) {

    public InputDeclaration(String type, Boolean required) {
        this(type, required, null);
    }

    public boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }
}
