package io.reckoning.benchmarks.store;

import io.reckoning.events.Artifact;
import io.reckoning.events.AttestationOutcome;
import io.reckoning.events.RunFailed;
import io.reckoning.events.RunResumed;
import io.reckoning.events.RunStarted;
import io.reckoning.events.RunSucceeded;
import io.reckoning.events.RunWaiting;
import io.reckoning.events.StepAttested;
import io.reckoning.events.StepAwaitingAttestation;
import io.reckoning.events.StepError;
import io.reckoning.events.StepFailed;
import io.reckoning.events.StepRetryScheduled;
import io.reckoning.events.StepScheduled;
import io.reckoning.events.StepSkipped;
import io.reckoning.events.StepStarted;
import io.reckoning.events.StepSucceeded;
import io.reckoning.events.WorkflowRegistered;
import io.reckoning.workflow.InputDeclaration;
import io.reckoning.workflow.StepDefinition;
import io.reckoning.workflow.WorkflowDefinition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Realistic run histories, as the engine appends them, of a four-step workflow (transform, llm, external, llm).
 * Run {@code n}'s fate depends on {@code n} alone, so a history is reproducible: of every 20 runs, 14 succeed, 3
 * succeed after a retry of their llm step, 2 fail (the rest of the run skipped) and 1 waits for its attestation.
 * About 16.5 events per run.
 */
final class RunHistories {

    /** One event of a stream, as it goes into the event store. */
    record StoredEvent(String aggregateId, String aggregateType, long sequence, Instant at, Object payload) {
    }

    static final String WORKFLOW = "paper-review";
    static final WorkflowDefinition DEFINITION = new WorkflowDefinition(WORKFLOW,
            Map.of("paper_url", new InputDeclaration("string", true)), List.of(
            StepDefinition.of("extract", "transform", List.of(), Map.of("url", "{{ inputs.paper_url }}"), null),
            StepDefinition.of("summarize", "llm", List.of("extract"), null, null),
            StepDefinition.of("simulate", "external", List.of("summarize"), null,
                    "Run the reference simulation for {{ steps.extract.output.url }} and attach the result files."),
            StepDefinition.of("report", "llm", List.of("simulate"), null, null)));
    static final String DIGEST = "sha256:" + "5e".repeat(32);
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private RunHistories() {
    }

    /** The registration every run refers to: the first event in the store. */
    static StoredEvent registration() {
        return new StoredEvent("workflow:" + WORKFLOW, "Workflow", 0, EPOCH,
                new WorkflowRegistered(WORKFLOW, 1, DIGEST, DEFINITION));
    }

    /** The events of run {@code n}, in stream order. */
    static List<StoredEvent> run(long n) {
        String runId = new UUID(0x5eed_0000_0000_0000L | n, n).toString();
        Stream stream = new Stream(runId, EPOCH.plusSeconds(60 + n));
        String url = "https://example.org/papers/" + n + ".pdf";
        int fate = (int) (n % 20);

        stream.add(new RunStarted(runId, WORKFLOW, 1, DIGEST, DEFINITION, Map.of("paper_url", url), null, null));
        stream.add(new StepScheduled(runId, "extract", 1, "transform", Map.of("url", url)));
        stream.add(new StepStarted(runId, "extract", 1));
        stream.add(new StepSucceeded(runId, "extract", 1, Map.of("url", url), List.of()));

        Map<String, Object> summarizeInput = Map.of("prompt", "Summarize the paper at " + url);
        stream.add(new StepScheduled(runId, "summarize", 1, "llm", summarizeInput));
        stream.add(new StepStarted(runId, "summarize", 1));
        int attempt = 1;
        if (fate >= 14 && fate < 17) {
            StepError overloaded = new StepError("provider_overloaded", "The LLM provider answered 529.");
            stream.add(new StepFailed(runId, "summarize", 1, overloaded, true));
            stream.add(new StepRetryScheduled(runId, "summarize", 1, 2, stream.at.plusSeconds(2), overloaded));
            attempt = 2;
            stream.add(new StepScheduled(runId, "summarize", attempt, "llm", summarizeInput));
            stream.add(new StepStarted(runId, "summarize", attempt));
        }
        if (fate == 17 || fate == 18) {
            StepError refused = new StepError("llm_refused", "The model refused to summarize the paper.");
            stream.add(new StepFailed(runId, "summarize", attempt, refused, false));
            stream.add(new StepSkipped(runId, "simulate", 0, "upstream step summarize failed"));
            stream.add(new StepSkipped(runId, "report", 0, "upstream step summarize failed"));
            stream.add(new RunFailed(runId, "summarize", refused));
            return stream.events;
        }
        stream.add(new StepSucceeded(runId, "summarize", attempt,
                Map.of("summary", "A " + (n % 7 + 3) + "-page paper on reproducible simulations."),
                List.of()));

        String instructions = "Run the reference simulation for " + url + " and attach the result files.";
        stream.add(new StepScheduled(runId, "simulate", 1, "external", Map.of("instructions", instructions)));
        stream.add(new StepStarted(runId, "simulate", 1));
        stream.add(new StepAwaitingAttestation(runId, "simulate", 1, instructions));
        stream.add(new RunWaiting(runId, List.of("simulate")));
        if (fate == 19) {
            return stream.events;
        }
        Artifact result = new Artifact("result.csv", "s3://results/" + runId + "/result.csv", sha256(n), 4096 + n,
                "text/csv");
        stream.add(new StepAttested(runId, "simulate", 1, AttestationOutcome.SUCCEEDED, Map.of("verdict", "holds"),
                List.of(result), "alice@example.org", "Matches the reference within tolerance."));
        stream.add(new RunResumed(runId, "simulate"));

        stream.add(new StepScheduled(runId, "report", 1, "llm", Map.of("prompt", "Write a verdict from the result",
                "result", Map.of("name", result.name(), "uri", result.uri(), "sha256", result.sha256()))));
        stream.add(new StepStarted(runId, "report", 1));
        stream.add(new StepSucceeded(runId, "report", 1, Map.of("verdict", "The result holds."), List.of()));
        stream.add(new RunSucceeded(runId));
        return stream.events;
    }

    private static String sha256(long n) {
        return HexFormat.of().toHexDigits(n).repeat(4);
    }

    /** A run's stream being written: sequence numbers from 0, each event 150 ms after the previous one. */
    private static final class Stream {

        private final String runId;
        private final List<StoredEvent> events = new ArrayList<>();
        private Instant at;

        Stream(String runId, Instant startedAt) {
            this.runId = runId;
            this.at = startedAt;
        }

        void add(Object payload) {
            events.add(new StoredEvent(runId, "Run", events.size(), at, payload));
            at = at.plusMillis(150);
        }
    }
}
