package io.reckoning.support.security;

import io.reckoning.support.config.ReckoningProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.List;

/**
 * The same authentication, role rules, CORS and security headers for every service and the standalone engine.
 * Bearer tokens only: no sessions, no cookies, hence no CSRF tokens.
 */
@AutoConfiguration(afterName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityAutoConfiguration {

    static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    private static final Logger log = LoggerFactory.getLogger(SecurityAutoConfiguration.class);

    /** Also keeps Spring Boot from creating (and logging) a generated user password. */
    @Bean
    AuthenticationManager reckoningBearerTokens(SecurityProperties properties, ReckoningProperties reckoning,
                                                ObjectProvider<JwtDecoder> decoder, Environment environment) {
        if (properties.authenticationOff()) {
            log.warn("RECKONING_AUTH=none: authentication is OFF, anyone who reaches this port may register workflows, "
                    + "start, attest and cancel runs; use it for local experiments only");
            return authentication -> authentication; // nothing is asked for: every request is permitted
        }
        StaticTokens tokens = StaticTokens.parse(properties.apiTokens());
        if (properties.apiTokensFile() != null) {
            tokens = tokens.and(StaticTokens.readHashed(properties.apiTokensFile()));
        }
        JwtDecoder jwt = decoder.getIfAvailable();
        if (jwt != null && (properties.jwt().audience() == null || properties.jwt().audience().isBlank())) {
            throw new IllegalStateException(ISSUER + " is set but reckoning.security.jwt.audience is not: "
                    + "every JWT must be checked for the audience it was issued to.");
        }
        if (tokens.isEmpty() && jwt == null) {
            tokens = AdminTokenFile.ensure(reckoning.dataDir());
        }
        log.info("Authentication on: {}", jwt == null ? "API tokens"
                : tokens.isEmpty() ? "JWTs from " + environment.getProperty(ISSUER)
                : "API tokens and JWTs from " + environment.getProperty(ISSUER));
        return new BearerTokens(tokens, jwt, properties.jwt().rolesClaim());
    }

    @Bean
    SecurityFilterChain reckoningSecurity(HttpSecurity http, SecurityProperties properties,
                                          AuthenticationManager reckoningBearerTokens) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .cors(cors -> cors.configurationSource(cors(properties.corsOrigins())))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (properties.authenticationOff()) {
            http.authorizeHttpRequests(rules -> rules.anyRequest().permitAll());
        } else {
            http.authorizeHttpRequests(AccessRules::apply)
                    .oauth2ResourceServer(server -> server
                            .authenticationManagerResolver(request -> reckoningBearerTokens)
                            .authenticationEntryPoint(problems).accessDeniedHandler(problems));
        }
        return http.build();
    }

    /** No origin may call from a browser unless configured. */
    private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!origins.isEmpty()) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(origins);
            configuration.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name()));
            configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "Last-Event-ID"));
            configuration.setAllowCredentials(false);
            source.registerCorsConfiguration("/api/**", configuration);
        }
        return source;
    }
}
