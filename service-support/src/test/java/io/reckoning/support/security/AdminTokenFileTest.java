package io.reckoning.support.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AdminTokenFileTest {

    @Test
    void shouldCreateAnOwnerOnlyTokenFileSayWhereAndReuseIt(@TempDir Path dir, CapturedOutput output) throws IOException {
        Path dataDir = dir.resolve("data");

        StaticTokens first = AdminTokenFile.ensure(dataDir);
        Path file = dataDir.resolve("admin-token");
        String token = Files.readString(file).strip();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(first.find(token)).hasValue(new Caller("admin", Set.of("viewer", "author", "operator", "admin")));
        assertThat(output.getAll()).contains(file.toAbsolutePath().toString()).doesNotContain(token);

        StaticTokens again = AdminTokenFile.ensure(dataDir);

        assertThat(Files.readString(file).strip()).isEqualTo(token);
        assertThat(again.find(token)).isPresent();
    }
}
