package io.reckoning.command.run;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings of the run commands. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttestationProperties.class)
class RunConfiguration {

    static final String CACHE = "runCache";

    /**
     * Runs stay in memory between commands instead of being rebuilt from their whole history for each step result
     * (the dominant cost of recording a result; it grows with the run). Safe with replicas: an append from a stale
     * copy collides with the stored sequence, the rollback evicts the copy, and the gateway retries the command on
     * a fresh load. Weak references: the garbage collector bounds it.
     */
    @Bean(CACHE)
    Cache runCache() {
        return new WeakReferenceCache();
    }
}
