package io.reckoning.query.api;

import io.reckoning.query.runsummary.RunSummary;
import io.reckoning.query.runsummary.RunSummaryQueries;
import io.reckoning.query.steprun.StepRun;
import io.reckoning.query.steprun.StepRunQueries;
import io.reckoning.state.RunStatus;
import io.reckoning.support.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Run queries: the list, and one run with its steps and artifacts (its history: {@code history}). */
@RestController
class RunQueryController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    record RunPage(List<RunSummary> items, String nextCursor) {
    }

    record RunDetail(RunSummary run, List<StepRun> steps, List<JsonNode> artifacts) {
    }

    private final RunSummaryQueries runs;
    private final StepRunQueries steps;
    RunQueryController(RunSummaryQueries runs, StepRunQueries steps) {
        this.runs = runs;
        this.steps = steps;
    }

    @GetMapping("/api/runs")
    RunPage list(@RequestParam(required = false) String status, @RequestParam(required = false) String workflow,
                 @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        if (status != null && Arrays.stream(RunStatus.values()).noneMatch(s -> s.name().equals(status))) {
            throw new ApiException(400, "parameter-invalid",
                    "Status '" + status + "' is not one of " + Arrays.toString(RunStatus.values()) + ".");
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new ApiException(400, "parameter-invalid", "Limit must be between 1 and " + MAX_LIMIT + ".");
        }
        List<RunSummary> page = runs.page(status, workflow, Cursor.decode(cursor), size + 1);
        String next = page.size() > size ? Cursor.encode(page.get(size - 1)) : null;
        return new RunPage(page.subList(0, Math.min(size, page.size())), next);
    }

    @GetMapping("/api/runs/{runId}")
    RunDetail get(@PathVariable String runId) {
        RunSummary run = runs.find(runId).orElseThrow(() -> ApiException.runNotFound(runId));
        List<StepRun> stepRuns = steps.ofRun(runId);
        List<JsonNode> artifacts = new ArrayList<>();
        stepRuns.forEach(step -> {
            if (step.artifacts() != null) {
                step.artifacts().forEach(artifacts::add);
            }
        });
        return new RunDetail(run, stepRuns, artifacts);
    }

    /** Opaque keyset cursor: the start time and id of the last run on the previous page. */
    static final class Cursor {

        private Cursor() {
        }

        static String encode(RunSummary last) {
            String raw = last.startedAt().toString() + "|" + last.runId();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static RunSummaryQueries.Position decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                return new RunSummaryQueries.Position(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1));
            } catch (RuntimeException e) {
                throw new ApiException(400, "parameter-invalid", "The cursor is not one this service issued.");
            }
        }
    }
}
