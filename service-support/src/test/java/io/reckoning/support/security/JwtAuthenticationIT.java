package io.reckoning.support.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.reckoning.support.testapp.HealthTestApplication;
import io.reckoning.testing.ReckoningIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JWTs checked against a real issuer: a local HTTP server publishes the OpenID configuration and the JWKS, as an
 * identity provider does; tokens are signed with its key (or another one).
 */
@ReckoningIntegrationTest(classes = HealthTestApplication.class, properties = {"reckoning.security.auth=",
        "reckoning.security.jwt.audience=reckoning-api", "reckoning.security.jwt.roles-claim=reckoning_roles"})
class JwtAuthenticationIT {

    private static final RSAKey KEY = newKey("idp-key");
    private static final HttpServer IDP = identityProvider();
    private static final String ISSUER = "http://127.0.0.1:" + IDP.getAddress().getPort() + "/realm";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
    }

    @AfterAll
    static void stopIdentityProvider() {
        IDP.stop(0);
    }

    @Test
    void shouldAuthenticateTheIssuerAndSubjectWithTheRolesOfTheClaim() {
        HttpResponse<String> answer = get("/api/caller", sign(KEY, claims(ISSUER, "reckoning-api", 300)
                .claim("reckoning_roles", List.of("operator", "superuser")).build()));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode caller = JSON.readTree(answer.body());
        assertThat(caller.get("principal").asText()).isEqualTo(ISSUER + "#alice");
        assertThat(caller.get("roles").valueStream().map(JsonNode::asText)).containsExactlyInAnyOrder("operator", "viewer");
    }

    @Test
    void shouldAcceptRolesAsASpaceSeparatedStringAndRefuseWhatTheyDoNotAllow() {
        String viewer = sign(KEY, claims(ISSUER, "reckoning-api", 300).claim("reckoning_roles", "viewer").build());

        assertThat(get("/api/caller", viewer).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = send(HttpRequest.newBuilder(uri("/api/admin/projections/x/replay"))
                .header("Authorization", "Bearer " + viewer).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(replay.statusCode()).isEqualTo(403);
        assertThat(replay.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void shouldRefuseTokensForAnotherAudienceOrIssuerExpiredOnesAndForeignSignatures() {
        RSAKey foreign = newKey("idp-key");
        Map<String, String> refused = Map.of(
                "another audience", sign(KEY, claims(ISSUER, "another-api", 300).build()),
                "another issuer", sign(KEY, claims("http://127.0.0.1:1/evil", "reckoning-api", 300).build()),
                "expired", sign(KEY, claims(ISSUER, "reckoning-api", -600).build()),
                "signed by another key", sign(foreign, claims(ISSUER, "reckoning-api", 300).build()),
                "not signed", new com.nimbusds.jwt.PlainJWT(claims(ISSUER, "reckoning-api", 300).build()).serialize());

        refused.forEach((why, token) -> {
            HttpResponse<String> answer = get("/api/caller", token);
            assertThat(answer.statusCode()).as(why).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(why)
                    .hasValueSatisfying(challenge -> assertThat(challenge).contains("invalid_token"));
            assertThat(answer.headers().firstValue("Content-Type")).as(why).hasValue("application/problem+json");
        });
    }

    private static JWTClaimsSet.Builder claims(String issuer, String audience, long expiresInSeconds) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject("alice").audience(audience)
                .issueTime(Date.from(now.minusSeconds(5))).expirationTime(Date.from(now.plusSeconds(expiresInSeconds)));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The two documents a resource server reads from its issuer: the discovery document and the public keys. */
    private static HttpServer identityProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realm";
            server.createContext("/realm/.well-known/openid-configuration", exchange -> respond(exchange,
                    "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/jwks\",\"subject_types_supported\":[\"public\"]}"));
            server.createContext("/realm/jwks", exchange -> respond(exchange, new JWKSet(KEY.toPublicJWK()).toString()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
