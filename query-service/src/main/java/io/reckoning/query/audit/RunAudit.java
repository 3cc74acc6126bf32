package io.reckoning.query.audit;

import io.reckoning.audit.chain.ChainVerdict;
import io.reckoning.audit.chain.ChainVerifier;
import io.reckoning.audit.chain.ChainedEvent;
import io.reckoning.audit.chain.HashChain;
import io.reckoning.events.RunEvent;
import io.reckoning.events.RunStarted;
import io.reckoning.messages.Topics;
import io.reckoning.query.audit.AuditReport.PublishedHeadsCheck;
import io.reckoning.query.audit.AuditReport.RunView;
import io.reckoning.query.audit.AuditReport.StepView;
import io.reckoning.query.history.RunHistory;
import io.reckoning.query.runsummary.RunSummaryQueries;
import io.reckoning.query.steprun.StepRun;
import io.reckoning.query.steprun.StepRunQueries;
import io.reckoning.state.RunState;
import io.reckoning.support.web.ApiException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Audits one run from its stored events alone: verifies the hash chain (against the heads published on Kafka),
 * replays the events through {@link RunState}, the same state machine the aggregate decides with, and compares the
 * result with the read model.
 */
@Component
class RunAudit {

    private final RunHistory history;
    private final PublishedHeads published;
    private final RunSummaryQueries runs;
    private final StepRunQueries steps;
    private final JdbcTemplate jdbc;
    private final Serializer events;

    RunAudit(RunHistory history, PublishedHeads published, RunSummaryQueries runs, StepRunQueries steps,
             JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer events) {
        this.history = history;
        this.published = published;
        this.runs = runs;
        this.steps = steps;
        this.jdbc = jdbc;
        this.events = events;
    }

    AuditReport audit(String runId) {
        if (!history.exists(runId)) {
            throw ApiException.runNotFound(runId);
        }
        PublishedHeads.Witness witness = published.of(runId);
        ChainVerifier verifier = new ChainVerifier(runId, witness.heads());
        Replay replay = new Replay();
        history.forEach(runId, -1, event -> {
            verifier.accept(event);
            replay.apply(event);
        });
        ChainVerdict chain = verifier.verdict();
        RunView derived = replay.view();
        RunView readModel = readModel(runId);
        List<String> differences = differences(derived, readModel);
        return new AuditReport(runId, chain,
                new PublishedHeadsCheck(Topics.RUN_EVENTS, witness.available(), witness.heads().size(), witness.problem()),
                derived, replay.problem, readModel, differences.isEmpty(), differences);
    }

    private RunView readModel(String runId) {
        return runs.find(runId).map(run -> new RunView(run.status(),
                        jdbc.queryForObject("select last_sequence from query.run_summary where run_id = ?", Long.class, runId),
                        steps.ofRun(runId).stream().map(RunAudit::view).toList()))
                .orElse(null);
    }

    private static StepView view(StepRun step) {
        return new StepView(step.stepId(), step.status(), step.attempt());
    }

    private static List<String> differences(RunView derived, RunView readModel) {
        List<String> differences = new ArrayList<>();
        if (readModel == null) {
            differences.add("The read model has no row for this run.");
            return differences;
        }
        if (!Objects.equals(derived.lastSequence(), readModel.lastSequence())) {
            differences.add("The read model applied events up to sequence " + readModel.lastSequence()
                    + "; the store holds them up to " + derived.lastSequence() + ".");
        }
        if (!Objects.equals(derived.status(), readModel.status())) {
            differences.add("Run status: the events say " + derived.status() + ", the read model says "
                    + readModel.status() + ".");
        }
        Map<String, StepView> fromEvents = byId(derived.steps());
        Map<String, StepView> fromReadModel = byId(readModel.steps());
        Set<String> ids = new LinkedHashSet<>(fromEvents.keySet());
        ids.addAll(fromReadModel.keySet());
        for (String id : ids) {
            StepView expected = fromEvents.get(id);
            StepView actual = fromReadModel.get(id);
            if (expected == null || actual == null) {
                differences.add("Step " + id + " is " + (expected == null ? "only in the read model." : "missing from the read model."));
            } else if (!expected.equals(actual)) {
                differences.add("Step " + id + ": the events say " + expected.status() + " (attempt " + expected.attempt()
                        + "), the read model says " + actual.status() + " (attempt " + actual.attempt() + ").");
            }
        }
        return differences;
    }

    private static Map<String, StepView> byId(List<StepView> steps) {
        Map<String, StepView> byId = new LinkedHashMap<>();
        steps.forEach(step -> byId.put(step.stepId(), step));
        return byId;
    }

    /** The run state machine fed with stored events, until an event makes no sense to it. */
    private final class Replay {
        private RunState state;
        private Long lastSequence;
        private String problem;

        void apply(ChainedEvent event) {
            if (problem != null) {
                return;
            }
            try {
                Object payload = events.deserialize(new SimpleSerializedObject<>(
                        HashChain.json().writeValueAsBytes(event.payload()), byte[].class, event.type(), event.version()));
                if (state == null) {
                    state = RunState.started((RunStarted) payload);
                } else {
                    state.apply((RunEvent) payload);
                }
                lastSequence = event.sequence();
            } catch (RuntimeException e) {
                problem = "Sequence " + event.sequence() + " (" + event.type() + ") cannot be replayed: " + e.getMessage();
            }
        }

        RunView view() {
            if (state == null) {
                return new RunView(null, lastSequence, List.of());
            }
            return new RunView(state.status().name(), lastSequence, state.steps().stream()
                    .map(step -> new StepView(step.id(), step.status().name(), step.attempt())).toList());
        }
    }
}
