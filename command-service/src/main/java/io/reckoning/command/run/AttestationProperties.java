package io.reckoning.command.run;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of an attestation.
 *
 * @param outputMaxBytes the largest attested {@code output}, as JSON (default 256 KiB)
 */
@ConfigurationProperties("reckoning.attestation")
public record AttestationProperties(Integer outputMaxBytes) {

    public AttestationProperties {
        outputMaxBytes = outputMaxBytes == null ? 256 * 1024 : outputMaxBytes;
    }
}
