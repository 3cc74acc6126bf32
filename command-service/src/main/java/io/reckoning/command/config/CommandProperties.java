package io.reckoning.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * command-service settings.
 *
 * @param redispatchAfter    how long a scheduled step may wait for an executor to pick it up before its task is
 *                           sent again (a step's own {@code dispatchTimeout} is the hard limit after which the
 *                           attempt times out)
 * @param reconcileInterval  how often the reconciler looks for such steps
 * @param stepDeadline       the deadline given to executors with each task, counted from scheduling
 * @param anonymousPrincipal who attests, corrects and cancels while authentication is off ({@code RECKONING_AUTH=none})
 * @param timerPollInterval  how often due timers (retries, timeouts, wait steps) are looked for: the most a timer
 *                           fires late
 * @param requireExecutors   whether pre-flight refuses a run whose step types no executor is consuming (off only
 *                           for a command-service tested on its own)
 * @param notification       webhooks called when an external step starts waiting for attestation
 */
@ConfigurationProperties("reckoning.command")
public record CommandProperties(Duration redispatchAfter, Duration reconcileInterval, Duration stepDeadline,
                                String anonymousPrincipal, Duration timerPollInterval, Boolean requireExecutors,
                                Notification notification) {

    public CommandProperties {
        redispatchAfter = redispatchAfter == null ? Duration.ofSeconds(30) : redispatchAfter;
        reconcileInterval = reconcileInterval == null ? Duration.ofSeconds(5) : reconcileInterval;
        stepDeadline = stepDeadline == null ? Duration.ofHours(1) : stepDeadline;
        anonymousPrincipal = anonymousPrincipal == null ? "anonymous" : anonymousPrincipal;
        timerPollInterval = timerPollInterval == null ? Duration.ofMillis(500) : timerPollInterval;
        requireExecutors = requireExecutors == null || requireExecutors;
        notification = notification == null ? new Notification(null, null, null, null) : notification;
    }

    /**
     * Attestation webhooks ({@code reckoning.command.notification.*}).
     *
     * @param webhookUrl  the http(s) URL called for an external step without a {@code webhook} of its own; null
     *                    (the default) means none
     * @param backoff     the wait after the first failed call; it doubles after each further failure
     * @param maxBackoff  the longest wait between two calls
     * @param maxAttempts calls in all before a notification is given up
     */
    public record Notification(String webhookUrl, Duration backoff, Duration maxBackoff, Integer maxAttempts) {

        public Notification {
            webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
            backoff = backoff == null ? Duration.ofSeconds(1) : backoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
            maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        }
    }
}
