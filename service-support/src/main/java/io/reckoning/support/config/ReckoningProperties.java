package io.reckoning.support.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Settings every service shares.
 *
 * @param dataDir where the engine keeps local files (the embedded broker's log, generated secrets);
 *                {@code RECKONING_DATA_DIR}, default {@code ./data}
 */
@ConfigurationProperties("reckoning")
public record ReckoningProperties(Path dataDir) {

    public ReckoningProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
    }
}
