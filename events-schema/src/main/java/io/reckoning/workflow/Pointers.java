package io.reckoning.workflow;

/** JSON pointers (RFC 6901) to the parts of a definition that a {@link Violation} names. */
final class Pointers {

    private Pointers() {
    }

    /** Escapes a reference token: '~' becomes "~0" and '/' becomes "~1". */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static String step(int index) {
        return "/steps/" + index;
    }
}
