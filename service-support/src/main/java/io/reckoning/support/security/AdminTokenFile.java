package io.reckoning.support.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The engine never runs open by default: started with no tokens and no JWT issuer configured, it creates a random
 * admin token in {@code <data-dir>/admin-token}, readable by its owner only, and reuses it on later starts. The log
 * says where the file is, never what is in it.
 */
final class AdminTokenFile {

    static final String NAME = "admin-token";
    static final String PRINCIPAL = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminTokenFile.class);

    private AdminTokenFile() {
    }

    /** The tokens that let the admin in, creating the file on first start. */
    static StaticTokens ensure(Path dataDir) {
        Path file = dataDir.resolve(NAME).toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, newToken() + "\n", StandardCharsets.UTF_8);
                log.info("No API tokens or JWT issuer configured: created an admin token in {} (readable by its owner "
                        + "only); send it as 'Authorization: Bearer <token>'", file);
            } catch (FileAlreadyExistsException existing) {
                log.info("No API tokens or JWT issuer configured: the admin token is in {}", file);
            }
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            return StaticTokens.parse(PRINCIPAL + ":" + Role.ADMIN.id() + ":" + token);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create or read the admin token file " + file, e);
        }
    }

    private static String newToken() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
