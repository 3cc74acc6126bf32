package io.reckoning.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The activity feed of the engine: its pages, and its server-sent events read by a real HTTP client. */
class ActivityFeedIT {

    /** One server-sent event as it came over the wire. */
    record Sse(String id, String event, JsonNode data) {
    }

    @TempDir
    static Path dataDir;
    private static InProcessEngine engine;
    private static EngineClient client;

    @BeforeAll
    static void start() {
        engine = InProcessEngine.start(dataDir);
        client = engine.client();
        RunScenario.registerTwiceGivesOneVersion(client);
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void shouldPushEveryNewEntryToASubscriberAsItIsProjected() throws Exception {
        try (Subscription stream = Subscription.open(client, null)) {
            String runId = client.startDemoRun();
            client.awaitRun(runId, "WAITING");
            client.attest(runId, "b", "SUCCEEDED");

            List<Sse> events = stream.take(runId, 4);

            assertThat(events).extracting(Sse::event)
                    .containsExactly("run-started", "run-waiting", "step-attested", "run-succeeded");
            assertThat(events.get(0).data().get("workflow").asText()).isEqualTo("demo");
            assertThat(events.get(2).data().get("principal").asText()).isEqualTo("admin");
            assertThat(events.get(2).data().get("summary").asText()).isEqualTo("Step b attested SUCCEEDED: checked by the system test");
            assertThat(events).extracting(event -> Long.parseLong(event.id())).isSorted()
                    .allSatisfy(position -> assertThat(position).isPositive());
        }
    }

    @Test
    void shouldSendWhatAReconnectingClientMissed() throws Exception {
        String runId = client.startDemoRun();
        client.awaitRun(runId, "WAITING");
        JsonNode newest = client.get("/api/activity?limit=2").body().get("items");
        long runStarted = newest.get(1).get("position").asLong();

        try (Subscription stream = Subscription.open(client, runStarted - 1)) {
            assertThat(stream.take(runId, 2)).extracting(Sse::event).containsExactly("run-started", "run-waiting");
        }
    }

    @Test
    void shouldPageTheFeedNewestFirst() {
        String failed = client.startDemoRun();
        client.awaitRun(failed, "WAITING");
        client.attest(failed, "b", "FAILED");
        client.awaitRun(failed, "FAILED");

        JsonNode first = awaitFeedShows(failed, "run-failed");
        JsonNode items = first.get("items");
        JsonNode older = client.get("/api/activity?limit=3&before=" + first.get("nextBefore").asLong()).body();

        assertThat(items).hasSize(3);
        assertThat(items).extracting(item -> item.get("position").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(items.get(0).get("kind").asText()).isEqualTo("run-failed");
        assertThat(items.get(0).get("summary").asText()).isEqualTo("Run failed at step b (attested_failed).");
        assertThat(items).extracting(item -> item.get("kind").asText()).contains("step-attested");
        assertThat(older.get("items").get(0).get("position").asLong()).isLessThan(items.get(2).get("position").asLong());
        EngineClient.Response invalid = client.get("/api/activity?limit=0");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
    }

    private static JsonNode awaitFeedShows(String runId, String kind) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode page;
        do {
            page = client.get("/api/activity?limit=3").body();
            JsonNode top = page.get("items").get(0);
            if (top != null && runId.equals(top.get("runId").asText()) && kind.equals(top.get("kind").asText())) {
                return page;
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("The feed never showed " + kind + " of " + runId + " on top: " + page);
    }

    /** An open {@code GET /api/activity/stream}, its events parsed as they arrive. */
    static final class Subscription implements AutoCloseable {

        private final BlockingQueue<Sse> events = new LinkedBlockingQueue<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;
        private final HttpClient http = HttpClient.newHttpClient();

        private Subscription(EngineClient client, Long lastEventId) {
            HttpRequest.Builder request = client.request(client.commandsBase().resolve("/api/activity/stream"))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", Long.toString(lastEventId));
            }
            response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
            response.thenAcceptAsync(answer -> {
                String[] current = new String[2];
                StringBuilder data = new StringBuilder();
                answer.body().forEach(line -> {
                    if (line.startsWith("id:")) {
                        current[0] = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        current[1] = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5));
                    } else if (line.isEmpty() && !data.isEmpty()) {
                        events.add(new Sse(current[0], current[1], EngineClient.JSON.readTree(data.toString())));
                        data.setLength(0);
                    }
                });
            });
        }

        static Subscription open(EngineClient client, Long lastEventId) throws Exception {
            Subscription subscription = new Subscription(client, lastEventId);
            HttpResponse<Stream<String>> answer = subscription.response.get(10, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            return subscription;
        }

        /** The next {@code count} events about {@code runId}, waiting at most 30 s for them. */
        List<Sse> take(String runId, int count) throws InterruptedException {
            List<Sse> taken = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (taken.size() < count) {
                Sse event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("Only " + taken + " of " + count + " events about run " + runId + " arrived");
                }
                if (runId.equals(event.data().get("runId").asText())) {
                    taken.add(event);
                }
            }
            return taken;
        }

        @Override
        public void close() {
            response.cancel(true);
            HttpResponse<Stream<String>> answer = response.getNow(null);
            if (answer != null) {
                answer.body().close();
            }
        }
    }
}
