package io.reckoning.support.health;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link UnsafeDatabase} into Spring Boot's "APPLICATION FAILED TO START" report: what is wrong, what to do. */
public class UnsafeDatabaseAnalyzer extends AbstractFailureAnalyzer<UnsafeDatabase> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeDatabase cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Turn the settings back on in postgresql.conf (and reload PostgreSQL), or remove an override with "
                        + "ALTER DATABASE <name> RESET <setting> or ALTER ROLE <user> RESET <setting>; then start again. "
                        + "A 2xx answer promises that events are committed; these settings keep that promise.",
                cause);
    }
}
