package io.reckoning.query.api;

import io.reckoning.query.artifact.ArtifactQueries;
import io.reckoning.query.artifact.ArtifactRecord;
import io.reckoning.query.runsummary.RunSummaryQueries;
import io.reckoning.support.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.regex.Pattern;

/** Artifact queries, from the read model artifact: the artifacts of a run, and the lineage of one artifact. */
@RestController
class ArtifactQueryController {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    record RunArtifacts(String runId, List<ArtifactRecord> items) {
    }

    record ArtifactUses(String sha256, List<ArtifactRecord> items) {
    }

    private final ArtifactQueries artifacts;
    private final RunSummaryQueries runs;

    ArtifactQueryController(ArtifactQueries artifacts, RunSummaryQueries runs) {
        this.artifacts = artifacts;
        this.runs = runs;
    }

    @GetMapping("/api/runs/{runId}/artifacts")
    RunArtifacts ofRun(@PathVariable String runId) {
        if (runs.find(runId).isEmpty()) {
            throw ApiException.runNotFound(runId);
        }
        return new RunArtifacts(runId, artifacts.ofRun(runId));
    }

    @GetMapping("/api/artifacts")
    ArtifactUses bySha256(@RequestParam(required = false) String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new ApiException(400, "parameter-invalid",
                    "Parameter sha256 must be 64 lowercase hexadecimal characters, not '" + sha256 + "'.");
        }
        return new ArtifactUses(sha256, artifacts.bySha256(sha256));
    }
}
