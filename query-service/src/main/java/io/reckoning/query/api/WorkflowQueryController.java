package io.reckoning.query.api;

import io.reckoning.query.config.QueryProperties;
import io.reckoning.query.trust.TrustScore;
import io.reckoning.query.trust.TrustScores;
import io.reckoning.query.workflowversion.WorkflowVersion;
import io.reckoning.query.workflowversion.WorkflowVersionQueries;
import io.reckoning.support.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Workflow queries: every workflow, the versions of one, one version with its definition as registered, and the
 * trust score of one.
 */
@RestController
class WorkflowQueryController {

    record WorkflowList(List<WorkflowVersionQueries.Workflow> items) {
    }

    record WorkflowVersions(String name, List<WorkflowVersionQueries.Version> versions) {
    }

    private final WorkflowVersionQueries workflows;
    private final TrustScores trust;
    private final QueryProperties properties;

    WorkflowQueryController(WorkflowVersionQueries workflows, TrustScores trust, QueryProperties properties) {
        this.workflows = workflows;
        this.trust = trust;
        this.properties = properties;
    }

    @GetMapping("/api/workflows")
    WorkflowList list() {
        return new WorkflowList(workflows.workflows());
    }

    @GetMapping("/api/workflows/{name}")
    WorkflowVersions versions(@PathVariable String name) {
        List<WorkflowVersionQueries.Version> versions = workflows.versions(name);
        if (versions.isEmpty()) {
            throw unknownWorkflow(name);
        }
        return new WorkflowVersions(name, versions);
    }

    @GetMapping("/api/workflows/{name}/trust")
    TrustScore trust(@PathVariable String name) {
        if (workflows.versions(name).isEmpty()) {
            throw unknownWorkflow(name);
        }
        return trust.of(name, properties.trustWindow(), Instant.now());
    }

    @GetMapping("/api/workflows/{name}/versions/{version}")
    WorkflowVersion version(@PathVariable String name, @PathVariable int version) {
        return workflows.find(name, version).orElseThrow(() -> new ApiException(404, "workflow-not-found",
                workflows.versions(name).isEmpty() ? "No workflow named '" + name + "' is registered."
                        : "Workflow '" + name + "' has no version " + version + "."));
    }

    private static ApiException unknownWorkflow(String name) {
        return new ApiException(404, "workflow-not-found", "No workflow named '" + name + "' is registered.");
    }
}
