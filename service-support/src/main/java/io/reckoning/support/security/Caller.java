package io.reckoning.support.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Set;

/**
 * Who sent the current request: the principal recorded in events (a static token's principal, or
 * {@code issuer#subject} for a JWT) and its roles, implied ones included.
 */
public record Caller(String principal, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /**
     * The authenticated caller of the current request; {@code anonymousPrincipal} without roles when authentication
     * is switched off ({@code RECKONING_AUTH=none}).
     */
    public static Caller current(String anonymousPrincipal) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        return new Caller(anonymousPrincipal, Set.of());
    }
}
