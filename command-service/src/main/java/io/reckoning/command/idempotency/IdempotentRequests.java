package io.reckoning.command.idempotency;

import io.reckoning.support.web.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for commands over HTTP: a request repeated with the same key (in the same scope, e.g. one
 * step's attestation) gets the first successful answer again, without running the command twice. The same key
 * with a different body is refused. An answer that was an error is not kept: repeating such a request runs it
 * again, which is what a client retrying after a conflict expects.
 */
@Component
public class IdempotentRequests {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    IdempotentRequests(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public <T> ResponseEntity<?> once(String scope, String key, Object request, Supplier<ResponseEntity<T>> command) {
        if (key == null) {
            return command.get();
        }
        if (key.isBlank() || key.length() > 200) {
            throw new ApiException(400, "parameter-invalid", "An Idempotency-Key must be 1 to 200 characters.");
        }
        String hash = sha256(json.writeValueAsString(request));
        Optional<ResponseEntity<?>> earlier = earlier(scope, key, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        ResponseEntity<T> answer = command.get();
        int inserted = jdbc.update("""
                insert into command.idempotent_request (scope, key, request_hash, status, body)
                values (?, ?, ?, ?, ?::jsonb) on conflict do nothing""",
                scope, key, hash, answer.getStatusCode().value(), json.writeValueAsString(answer.getBody()));
        // a concurrent request with the same key may have answered first: its answer is the first answer
        return inserted == 1 ? answer : earlier(scope, key, hash).orElseThrow();
    }

    private Optional<ResponseEntity<?>> earlier(String scope, String key, String hash) {
        return jdbc.query("select request_hash, status, body::text from command.idempotent_request where scope = ? and key = ?",
                (rs, i) -> {
                    if (!hash.equals(rs.getString(1))) {
                        throw new ApiException(422, "idempotency-key-reused",
                                "This Idempotency-Key was used before with a different request.", Map.of("key", key));
                    }
                    return ResponseEntity.status(rs.getInt(2)).body(json.readValue(rs.getString(3), JsonNode.class));
                }, scope, key).stream().<ResponseEntity<?>>map(answer -> answer).findFirst();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
