package io.reckoning.support.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Authenticates a bearer token: a static API token first, else a JWT when an issuer is configured. A JWT's caller
 * is {@code issuer#subject} with the roles of the configured claim (unknown role names are ignored).
 */
final class BearerTokens implements AuthenticationManager {

    private final StaticTokens tokens;
    private final JwtAuthenticationProvider jwt;

    BearerTokens(StaticTokens tokens, JwtDecoder decoder, String rolesClaim) {
        this.tokens = tokens;
        if (decoder == null) {
            this.jwt = null;
        } else {
            this.jwt = new JwtAuthenticationProvider(decoder);
            this.jwt.setJwtAuthenticationConverter(token -> new CallerAuthentication(caller(token, rolesClaim)));
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        var caller = tokens.find(token);
        if (caller.isPresent()) {
            return new CallerAuthentication(caller.get());
        }
        if (jwt != null && token.chars().filter(c -> c == '.').count() == 2) {
            return jwt.authenticate(authentication);
        }
        throw new InvalidBearerTokenException("Unknown token");
    }

    static Caller caller(Jwt token, String rolesClaim) {
        Object claim = token.getClaims().get(rolesClaim);
        Collection<?> names = claim instanceof Collection<?> list ? list
                : claim instanceof String text ? List.of(text.split("\\s+")) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            for (Role role : Role.values()) {
                if (role.id().equals(String.valueOf(name))) {
                    roles.add(role);
                }
            }
        }
        String issuer = token.getIssuer() == null ? "" : token.getIssuer().toString();
        return new Caller(issuer + "#" + token.getSubject(), Role.expand(roles));
    }
}
