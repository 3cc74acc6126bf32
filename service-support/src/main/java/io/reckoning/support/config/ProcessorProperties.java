package io.reckoning.support.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the services' tracking event processors ({@code reckoning.processors.*}).
 *
 * @param batchSize the most events a live tracking processor handles in one transaction (default 100). A processor
 *                  takes what is there, up to this many, so a small backlog is not delayed; a large one costs one
 *                  commit (and one token update) per batch instead of one per event.
 */
@ConfigurationProperties("reckoning.processors")
public record ProcessorProperties(Integer batchSize) {

    public ProcessorProperties {
        batchSize = batchSize == null ? 100 : batchSize;
        if (batchSize < 1) {
            throw new IllegalArgumentException("reckoning.processors.batch-size must be at least 1, not " + batchSize + ".");
        }
    }
}
