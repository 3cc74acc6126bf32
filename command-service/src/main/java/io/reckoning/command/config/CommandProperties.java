package io.reckoning.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * command-service settings.
 *
 * @param dispatchTimeout    how long a scheduled step may wait for an executor to pick it up before its task is
 *                           sent again
 * @param reconcileInterval  how often the reconciler looks for such steps
 * @param stepDeadline       the deadline given to executors with each task, counted from scheduling
 * @param anonymousPrincipal who attests while the service runs without authentication
 */
@ConfigurationProperties("reckoning.command")
public record CommandProperties(Duration dispatchTimeout, Duration reconcileInterval, Duration stepDeadline,
                                String anonymousPrincipal) {

    public CommandProperties {
        dispatchTimeout = dispatchTimeout == null ? Duration.ofSeconds(30) : dispatchTimeout;
        reconcileInterval = reconcileInterval == null ? Duration.ofSeconds(5) : reconcileInterval;
        stepDeadline = stepDeadline == null ? Duration.ofHours(1) : stepDeadline;
        anonymousPrincipal = anonymousPrincipal == null ? "anonymous" : anonymousPrincipal;
    }
}
