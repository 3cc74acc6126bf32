package io.reckoning.query.history;

import io.reckoning.audit.chain.ChainedEvent;
import io.reckoning.audit.chain.HashChain;
import io.reckoning.support.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /api/runs/{runId}/events}: the run's stored events in order, each with its chain hashes. As JSON, a page
 * at a time ({@code after} a sequence, up to {@code limit}; {@code next} links the following page); as NDJSON
 * ({@code Accept: application/x-ndjson}), every event from {@code after} on, streamed.
 */
@RestController
class HistoryController {

    static final String NDJSON = "application/x-ndjson";
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 1000;

    /** One page of a run's history; {@code next} is null on the last page. */
    record EventPage(String runId, List<JsonNode> events, String next) {
    }

    private final RunHistory history;

    HistoryController(RunHistory history) {
        this.history = history;
    }

    @GetMapping("/api/runs/{runId}/events")
    ResponseEntity<StreamingResponseBody> events(@PathVariable String runId, @RequestParam(required = false) Long after,
                             @RequestParam(required = false) Integer limit,
                             @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (accept != null && accept.contains(NDJSON)) {
            return stream(runId, after);
        }
        EventPage page = page(runId, after, limit);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(out -> HashChain.json().writeValue(out, page));
    }

    private EventPage page(String runId, Long after, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new ApiException(400, "parameter-invalid", "Limit must be between 1 and " + MAX_LIMIT + ".");
        }
        List<ChainedEvent> events = history.page(runId, start(after), size + 1);
        if (events.isEmpty() && !history.exists(runId)) {
            throw ApiException.runNotFound(runId);
        }
        String next = events.size() > size ? "/api/runs/" + URLEncoder.encode(runId, StandardCharsets.UTF_8)
                + "/events?after=" + events.get(size - 1).sequence() + "&limit=" + size : null;
        return new EventPage(runId, events.stream().limit(size).<JsonNode>map(ChainedEvent::toJson).toList(), next);
    }

    private ResponseEntity<StreamingResponseBody> stream(String runId, Long after) {
        if (!history.exists(runId)) {
            throw ApiException.runNotFound(runId);
        }
        long from = start(after);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(out ->
                history.forEach(runId, from, event -> {
                    try {
                        out.write(HashChain.json().writeValueAsBytes(event.toJson()));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }

    private static long start(Long after) {
        if (after != null && after < 0) {
            throw new ApiException(400, "parameter-invalid", "After must be a sequence number, 0 or more.");
        }
        return after == null ? -1 : after;
    }
}
