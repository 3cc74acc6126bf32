package io.reckoning.support.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaticTokensTest {

    @Test
    void shouldFindTheCallerOfATokenWithTheRolesItsRolesImply() {
        StaticTokens tokens = StaticTokens.parse(" ci:author+operator:ci-token-0123456789 , ada:admin:ada-token-0123456789");

        assertThat(tokens.find("ci-token-0123456789")).hasValue(new Caller("ci", Set.of("author", "operator", "viewer")));
        assertThat(tokens.find("ada-token-0123456789")).hasValue(new Caller("ada",
                Set.of("viewer", "author", "operator", "admin")));
        assertThat(tokens.find("ci-token-012345678")).isEmpty();
        assertThat(tokens.find("")).isEmpty();
    }

    @Test
    void shouldKeepColonsInsideTheToken() {
        assertThat(StaticTokens.parse("bot:viewer:a:b:c:0123456789abcdef").find("a:b:c:0123456789abcdef"))
                .hasValueSatisfying(caller -> assertThat(caller.principal()).isEqualTo("bot"));
    }

    @Test
    void shouldRefuseMalformedEntriesUnknownRolesAndShortTokensWithoutEchoingTheToken() {
        assertThatThrownBy(() -> StaticTokens.parse("just-a-secret-token-value"))
                .hasMessageContaining("principal:role+role:token").hasMessageNotContaining("just-a-secret");
        assertThatThrownBy(() -> StaticTokens.parse("eve:root:0123456789abcdef0123"))
                .hasMessageContaining("Unknown role 'root'");
        assertThatThrownBy(() -> StaticTokens.parse("eve:viewer:short"))
                .hasMessageContaining("shorter than 16").hasMessageNotContaining("short\"");
    }

    @Test
    void shouldReadHashedTokensFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokens");
        Files.writeString(file, """
                # principal:roles:sha256 of the token
                ops:operator:%s

                """.formatted(StaticTokens.sha256Hex("ops-token-0123456789").toUpperCase()));

        StaticTokens tokens = StaticTokens.readHashed(file);

        assertThat(tokens.find("ops-token-0123456789")).hasValue(new Caller("ops", Set.of("operator", "viewer")));
        assertThat(tokens.find(StaticTokens.sha256Hex("ops-token-0123456789"))).as("the digest is no token").isEmpty();
    }

    @Test
    void shouldRefuseAFileEntryThatIsNotADigest(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "ops:operator:plain-token-0123456789\n");

        assertThatThrownBy(() -> StaticTokens.readHashed(file)).hasMessageContaining("SHA-256")
                .hasMessageNotContaining("plain-token");
    }
}
