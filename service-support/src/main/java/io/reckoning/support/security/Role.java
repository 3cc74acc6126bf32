package io.reckoning.support.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a caller may do. {@code author} and {@code operator} both imply {@code viewer}; {@code admin} implies all.
 * A caller's authorities are the expanded set, so a rule asks for exactly one role.
 */
public enum Role {
    VIEWER, AUTHOR, OPERATOR, ADMIN;

    /** The lower-case name used in tokens, JWT claims, workflow {@code attestors} and the docs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This role and every role it implies. */
    public Set<Role> implied() {
        return switch (this) {
            case VIEWER -> EnumSet.of(VIEWER);
            case AUTHOR -> EnumSet.of(AUTHOR, VIEWER);
            case OPERATOR -> EnumSet.of(OPERATOR, VIEWER);
            case ADMIN -> EnumSet.allOf(Role.class);
        };
    }

    /** The role named {@code id} (case-insensitive), or an exception naming the known roles. */
    public static Role of(String id) {
        for (Role role : values()) {
            if (role.id().equalsIgnoreCase(id.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + id + "'; the roles are viewer, author, operator, admin.");
    }

    /** The union of what {@code roles} imply, as lower-case names. */
    public static Set<String> expand(Set<Role> roles) {
        EnumSet<Role> all = EnumSet.noneOf(Role.class);
        roles.forEach(role -> all.addAll(role.implied()));
        return all.stream().map(Role::id).collect(Collectors.toUnmodifiableSet());
    }
}
