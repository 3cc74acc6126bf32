package io.reckoning.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone engine with nothing configured never runs open: it creates an admin token and says where; only the
 * explicit {@code RECKONING_AUTH=none} opens it, with a warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class DefaultAuthenticationIT {

    @Test
    void shouldCreateAnAdminTokenFileOnFirstStartAndSayWhereButNotWhat(@TempDir Path dataDir, CapturedOutput output)
            throws IOException {
        try (InProcessEngine engine = InProcessEngine.start(dataDir)) {
            Path file = dataDir.resolve("admin-token");
            String token = Files.readString(file).strip();

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(output.getAll()).contains("created an admin token in " + file.toAbsolutePath())
                    .doesNotContain(token);
            assertThat(engine.client().withToken(null).get("/api/runs").status()).isEqualTo(401);
            assertThat(engine.client().get("/api/runs").status()).isEqualTo(200);
            assertThat(engine.client().post("/api/workflows", EngineClient.demoWorkflow()).status()).isEqualTo(201);
        }
    }

    @Test
    void shouldRunOpenOnlyWhenToldAndWarnAboutIt(@TempDir Path dataDir, CapturedOutput output) {
        try (InProcessEngine engine = InProcessEngine.start(dataDir, "--RECKONING_AUTH=none")) {
            EngineClient anyone = engine.client();
            assertThat(anyone.post("/api/workflows", EngineClient.demoWorkflow()).status()).isEqualTo(201);
            String runId = anyone.startDemoRun();
            anyone.awaitRun(runId, "WAITING");
            assertThat(anyone.attest(runId, "b", "SUCCEEDED").status()).isEqualTo(202);
            anyone.awaitRun(runId, "SUCCEEDED");

            assertThat(output.getAll()).contains("WARN").contains("RECKONING_AUTH=none: authentication is OFF");
            assertThat(dataDir.resolve("admin-token")).doesNotExist();
            assertThat(anyone.get("/api/runs/" + runId + "/events").body().findValues("principal"))
                    .extracting(principal -> principal.asText()).containsExactly("anonymous");
        }
    }
}
