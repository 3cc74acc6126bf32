package io.reckoning.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.List;

/**
 * How callers authenticate; see docs/security.md.
 *
 * @param auth          {@code none} switches authentication off ({@code RECKONING_AUTH}); anything else must be blank
 * @param apiTokens     {@code principal:role+role:token} entries, comma-separated ({@code RECKONING_API_TOKENS})
 * @param apiTokensFile the same entries with the tokens' SHA-256 in hex, one a line ({@code RECKONING_API_TOKENS_FILE})
 * @param jwt           JWT validation beyond {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * @param corsOrigins   the browser origins allowed to call the API; none by default ({@code RECKONING_CORS_ORIGINS})
 */
@ConfigurationProperties("reckoning.security")
public record SecurityProperties(String auth, String apiTokens, Path apiTokensFile, Jwt jwt, List<String> corsOrigins) {

    /**
     * @param audience   the {@code aud} every JWT must carry; required when an issuer is configured
     * @param rolesClaim the claim holding the caller's roles, a list or a space-separated string (default {@code roles})
     */
    public record Jwt(String audience, String rolesClaim) {
        public Jwt {
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        }
    }

    public SecurityProperties {
        jwt = jwt == null ? new Jwt(null, null) : jwt;
        corsOrigins = corsOrigins == null ? List.of() : corsOrigins.stream().map(String::strip)
                .filter(origin -> !origin.isEmpty()).toList();
        if (auth != null && !auth.isBlank() && !auth.strip().equalsIgnoreCase("none")) {
            throw new IllegalArgumentException("RECKONING_AUTH may only be 'none' (authentication off); leave it unset "
                    + "to authenticate with API tokens or JWTs.");
        }
    }

    public boolean authenticationOff() {
        return auth != null && auth.strip().equalsIgnoreCase("none");
    }
}
