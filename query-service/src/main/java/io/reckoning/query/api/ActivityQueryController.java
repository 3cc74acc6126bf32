package io.reckoning.query.api;

import io.reckoning.query.activity.Activity;
import io.reckoning.query.activity.ActivityQueries;
import io.reckoning.query.activity.ActivityStream;
import io.reckoning.support.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;

/** The activity feed: recent runs started, waits, attestations, failures and corrections, newest first; and its stream. */
@RestController
class ActivityQueryController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /** A page of the feed; {@code nextBefore} asks for the next (older) page, null at the end. */
    record ActivityPage(List<Activity> items, Long nextBefore) {
    }

    private final ActivityQueries activities;
    private final ActivityStream stream;

    ActivityQueryController(ActivityQueries activities, ActivityStream stream) {
        this.activities = activities;
        this.stream = stream;
    }

    @GetMapping("/api/activity")
    ActivityPage newest(@RequestParam(required = false) Integer limit, @RequestParam(required = false) Long before) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new ApiException(400, "parameter-invalid", "Limit must be between 1 and " + MAX_LIMIT + ".");
        }
        List<Activity> page = activities.newest(before, size + 1);
        Long next = page.size() > size ? page.get(size - 1).position() : null;
        return new ActivityPage(page.subList(0, Math.min(size, page.size())), next);
    }

    /** Server-sent events; a client that reconnects with {@code Last-Event-ID} first gets what it missed. */
    @GetMapping(path = "/api/activity/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        return stream.subscribe(lastEventId == null ? List.of() : activities.after(lastEventId, MAX_LIMIT));
    }
}
