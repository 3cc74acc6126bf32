package io.reckoning.query.api;

import io.reckoning.query.workflowversion.WorkflowVersion;
import io.reckoning.query.workflowversion.WorkflowVersionQueries;
import io.reckoning.support.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Workflow queries: every workflow, the versions of one, one version with its definition as registered. */
@RestController
class WorkflowQueryController {

    record WorkflowList(List<WorkflowVersionQueries.Workflow> items) {
    }

    record WorkflowVersions(String name, List<WorkflowVersionQueries.Version> versions) {
    }

    private final WorkflowVersionQueries workflows;

    WorkflowQueryController(WorkflowVersionQueries workflows) {
        this.workflows = workflows;
    }

    @GetMapping("/api/workflows")
    WorkflowList list() {
        return new WorkflowList(workflows.workflows());
    }

    @GetMapping("/api/workflows/{name}")
    WorkflowVersions versions(@PathVariable String name) {
        List<WorkflowVersionQueries.Version> versions = workflows.versions(name);
        if (versions.isEmpty()) {
            throw new ApiException(404, "workflow-not-found", "No workflow named '" + name + "' is registered.");
        }
        return new WorkflowVersions(name, versions);
    }

    @GetMapping("/api/workflows/{name}/versions/{version}")
    WorkflowVersion version(@PathVariable String name, @PathVariable int version) {
        return workflows.find(name, version).orElseThrow(() -> new ApiException(404, "workflow-not-found",
                workflows.versions(name).isEmpty() ? "No workflow named '" + name + "' is registered."
                        : "Workflow '" + name + "' has no version " + version + "."));
    }
}
