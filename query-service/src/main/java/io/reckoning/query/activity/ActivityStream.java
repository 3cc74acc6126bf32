package io.reckoning.query.activity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The subscribers of {@code GET /api/activity/stream}: every entry the projection commits is sent to each of them
 * as a server-sent event (id = its position, event = its kind, data = the entry as JSON). Sends happen on a thread of
 * their own, so a slow client never holds the projection back; a client that went away is dropped at the next send.
 */
@Component
public class ActivityStream implements DisposableBean {

    /** A subscription ends after this long; EventSource clients reconnect by themselves, with Last-Event-ID. */
    static final Duration SUBSCRIPTION = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(ActivityStream.class);

    private final Set<SseEmitter> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "activity-stream");
        thread.setDaemon(true);
        return thread;
    });

    /** A new subscription, first sent {@code missed} (oldest first), then every new entry. */
    public SseEmitter subscribe(List<Activity> missed) {
        SseEmitter emitter = new SseEmitter(SUBSCRIPTION.toMillis());
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(error -> subscribers.remove(emitter));
        subscribers.add(emitter);
        sender.execute(() -> {
            missed.forEach(activity -> send(emitter, activity));
            if (missed.isEmpty()) {
                try {
                    emitter.send(SseEmitter.event().comment("subscribed"));
                } catch (IOException | IllegalStateException e) {
                    subscribers.remove(emitter);
                }
            }
        });
        return emitter;
    }

    void publish(Activity activity) {
        sender.execute(() -> subscribers.forEach(emitter -> send(emitter, activity)));
    }

    private void send(SseEmitter emitter, Activity activity) {
        try {
            emitter.send(SseEmitter.event().id(Long.toString(activity.position())).name(activity.kind())
                    .data(activity, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            log.debug("An activity subscriber went away", e);
            subscribers.remove(emitter);
            emitter.completeWithError(e);
        }
    }

    @Override
    public void destroy() {
        subscribers.forEach(SseEmitter::complete);
        sender.shutdownNow();
    }
}
