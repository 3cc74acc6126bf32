package io.reckoning.command.notification;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.reckoning.command.config.CommandMetrics;
import io.reckoning.command.config.CommandProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Runs the {@code attestation-webhook} task: POSTs the notification once, and on anything but a 2xx schedules the
 * next call after a growing wait, until {@code maxAttempts} calls failed. The run never waits for this: its events
 * were committed before the task was scheduled.
 */
@Component
class WebhookDelivery {

    static final String TASK = "attestation-webhook";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final JsonMapper json;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Counter delivered;
    private final Counter failed;
    private final Counter abandoned;

    WebhookDelivery(JsonMapper json, CommandProperties properties, MeterRegistry meters) {
        this.json = json;
        CommandProperties.Notification notification = properties.notification();
        this.backoff = new Backoff(notification.backoff(), notification.maxBackoff());
        this.maxAttempts = notification.maxAttempts();
        this.delivered = calls("delivered", meters);
        this.failed = calls("failed", meters);
        this.abandoned = calls("abandoned", meters);
    }

    private static Counter calls(String outcome, MeterRegistry meters) {
        return Counter.builder(CommandMetrics.WEBHOOK_CALLS).tag("outcome", outcome)
                .description("Calls of attestation webhooks by outcome").register(meters);
    }

    CompletionHandler<WebhookCall> execute(TaskInstance<WebhookCall> instance, ExecutionContext context) {
        WebhookCall call = instance.getData();
        String failure = post(call);
        if (failure == null) {
            delivered.increment();
            log.debug("Notified {} that step {} attempt {} of run {} waits for attestation (call {})",
                    call.url(), call.stepId(), call.attempt(), call.runId(), call.delivery());
            return (complete, operations) -> operations.remove();
        }
        if (call.delivery() >= maxAttempts) {
            abandoned.increment();
            log.warn("Gave up notifying {} that step {} attempt {} of run {} waits for attestation: {} calls failed,"
                    + " the last with {}", call.url(), call.stepId(), call.attempt(), call.runId(), call.delivery(),
                    failure);
            return (complete, operations) -> operations.remove();
        }
        failed.increment();
        Duration wait = backoff.after(call.delivery());
        log.info("Could not notify {} that step {} attempt {} of run {} waits for attestation ({}); calling again in {}",
                call.url(), call.stepId(), call.attempt(), call.runId(), failure, wait);
        return (complete, operations) -> operations.reschedule(complete, complete.getTimeDone().plus(wait), call.next());
    }

    /** Calls the webhook once; null when it answered 2xx, else what went wrong. */
    String post(WebhookCall call) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(call.url()))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(call.payload())))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "HTTP " + status;
        } catch (IOException | IllegalArgumentException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
