package io.reckoning.support.security;

import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The one table of who may call what, shared by every service and the standalone engine. Probes, the health
 * endpoints and the Prometheus scrape stay open: they carry operational figures (database size, free disk), no
 * run data.
 */
final class AccessRules {

    private AccessRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                .requestMatchers(HttpMethod.GET, "/api/health", "/health", "/db/ping", "/actuator/health",
                        "/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                .requestMatchers("/error").permitAll()
                .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.id())
                .requestMatchers(HttpMethod.POST, "/api/workflows", "/api/runs").hasRole(Role.AUTHOR.id())
                .requestMatchers(HttpMethod.POST, "/api/runs/*/steps/*/attestation", "/api/runs/*/steps/*/corrections",
                        "/api/runs/*/cancel", "/api/runs/*/rerun").hasRole(Role.OPERATOR.id())
                .requestMatchers(HttpMethod.GET, "/api/**").hasRole(Role.VIEWER.id())
                .anyRequest().hasRole(Role.ADMIN.id());
    }
}
