package io.reckoning.query.audit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.node.ObjectNode;

/** A run's audit: the check ({@code /audit}) and the bundle to check offline ({@code /audit-bundle}). */
@RestController
class AuditController {

    private final RunAudit audit;
    private final AuditBundle bundle;

    AuditController(RunAudit audit, AuditBundle bundle) {
        this.audit = audit;
        this.bundle = bundle;
    }

    @GetMapping("/api/runs/{runId}/audit")
    AuditReport audit(@PathVariable String runId) {
        return audit.audit(runId);
    }

    @GetMapping("/api/runs/{runId}/audit-bundle")
    ResponseEntity<StreamingResponseBody> bundle(@PathVariable String runId) {
        ObjectNode definition = bundle.definition(runId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"run-" + runId + "-audit-bundle.json\"")
                .body(out -> bundle.write(runId, definition, out));
    }
}
