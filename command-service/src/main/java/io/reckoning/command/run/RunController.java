package io.reckoning.command.run;

import io.reckoning.command.config.CommandProperties;
import io.reckoning.command.idempotency.IdempotentRequests;
import io.reckoning.command.preflight.Preflight;
import io.reckoning.command.workflow.WorkflowCatalog;
import io.reckoning.events.Artifact;
import io.reckoning.events.AttestationOutcome;
import io.reckoning.events.StepSucceeded;
import io.reckoning.state.RunStatus;
import io.reckoning.support.security.Caller;
import io.reckoning.support.web.ApiException;
import io.reckoning.workflow.InputValidator;
import io.reckoning.workflow.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Run commands: start (after pre-flight checks), attest, correct, cancel, rerun. A 2xx answer means the events are
 * committed. Who attests, corrects or cancels is the authenticated {@link Caller}, never a field of the body.
 */
@RestController
class RunController {

    record StartRunRequest(@NotBlank @Size(max = 100) String workflow, @Positive Integer version,
                           Map<String, Object> inputs, @Size(max = 200) String idempotencyKey) {
    }

    record ArtifactRequest(@NotBlank @Size(max = 255) String name, @NotBlank @Size(max = 2048) String uri,
                           @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hex characters")
                           String sha256,
                           @NotNull @PositiveOrZero Long sizeBytes, @NotBlank @Size(max = 255) String mediaType) {

        Artifact toArtifact() {
            return new Artifact(name, uri, sha256, sizeBytes, mediaType);
        }
    }

    record AttestationRequest(@NotNull AttestationOutcome outcome, Object output,
                              @Size(max = 1000) List<@Valid ArtifactRequest> artifacts, @Size(max = 10_000) String note) {
    }

    record Accepted(String runId, String status) {
    }

    record CancelRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    record RerunRequest(@NotBlank @Size(max = 100) String fromStep) {
    }

    record RerunAccepted(String runId, String status, String rerunOf, List<String> reusedSteps) {
    }

    record AttestationAccepted(String runId, String stepId, String runStatus) {
    }

    record CorrectionRequest(@NotNull Object output, @NotBlank @Size(max = 10_000) String reason) {
    }

    record CorrectionAccepted(String runId, String stepId) {
    }

    private final CommandGateway commands;
    private final WorkflowCatalog catalog;
    private final CommandProperties properties;
    private final Preflight preflight;
    private final IdempotentRequests idempotent;
    private final AttestationProperties attestation;
    private final JsonMapper json;

    RunController(CommandGateway commands, WorkflowCatalog catalog, CommandProperties properties, Preflight preflight,
                  IdempotentRequests idempotent, AttestationProperties attestation, JsonMapper json) {
        this.commands = commands;
        this.catalog = catalog;
        this.properties = properties;
        this.preflight = preflight;
        this.idempotent = idempotent;
        this.attestation = attestation;
        this.json = json;
    }

    @PostMapping("/api/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted start(@Valid @RequestBody StartRunRequest request) {
        WorkflowCatalog.Entry workflow = catalog.find(request.workflow(), request.version()).orElseThrow(() ->
                new ApiException(404, "workflow-not-found", request.version() == null
                        ? "No workflow named '" + request.workflow() + "' is registered."
                        : "Workflow '" + request.workflow() + "' has no version " + request.version() + "."));
        Map<String, Object> inputs = InputValidator.withDefaults(workflow.definition(), request.inputs());
        List<Violation> problems = InputValidator.validate(workflow.definition(), inputs);
        if (!problems.isEmpty()) {
            throw ApiException.invalidRequest(problems);
        }
        preflight.check(workflow.definition());
        // the same key for the same workflow always names the same run
        String runId = request.idempotencyKey() == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("run:" + workflow.name() + ":" + request.idempotencyKey())
                .getBytes(StandardCharsets.UTF_8)).toString();
        StartRun command = new StartRun(runId, workflow.name(), workflow.version(), workflow.digest(),
                workflow.definition(), inputs, request.idempotencyKey(), null, List.of());
        RunStatus status;
        try {
            status = commands.sendAndWait(command);
        } catch (AggregateStreamCreationException alreadyStarted) {
            if (request.idempotencyKey() == null) {
                throw alreadyStarted; // a random UUID collided: not expected in this universe
            }
            status = commands.sendAndWait(new ConfirmStart(runId, workflow.name(), workflow.version(), inputs));
        }
        return new Accepted(runId, status.name());
    }

    @PostMapping("/api/runs/{runId}/steps/{stepId}/attestation")
    ResponseEntity<?> attest(@PathVariable String runId, @PathVariable String stepId,
                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                             @Valid @RequestBody AttestationRequest request) {
        checkOutputSize(request.output());
        Caller caller = Caller.current(properties.anonymousPrincipal());
        List<Artifact> artifacts = request.artifacts() == null ? List.of()
                : request.artifacts().stream().map(ArtifactRequest::toArtifact).toList();
        AttestStep command = new AttestStep(runId, stepId, request.outcome(), request.output(), artifacts,
                request.note(), caller.principal(), caller.roles());
        return idempotent.once("attestation:" + runId + "/" + stepId, idempotencyKey, request, () -> {
            RunStatus status = onExistingRun(runId, () -> commands.sendAndWait(command));
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new AttestationAccepted(runId, stepId, status.name()));
        });
    }

    /** A correction of a succeeded step's output; the original stays in the history. */
    @PostMapping("/api/runs/{runId}/steps/{stepId}/corrections")
    ResponseEntity<?> correct(@PathVariable String runId, @PathVariable String stepId,
                              @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                              @Valid @RequestBody CorrectionRequest request) {
        checkOutputSize(request.output());
        CorrectStepOutput command = new CorrectStepOutput(runId, stepId, request.output(), request.reason(),
                Caller.current(properties.anonymousPrincipal()).principal());
        return idempotent.once("correction:" + runId + "/" + stepId, idempotencyKey, request, () -> {
            onExistingRun(runId, () -> commands.sendAndWait(command));
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new CorrectionAccepted(runId, stepId));
        });
    }

    private void checkOutputSize(Object output) {
        if (output != null && json.writeValueAsBytes(output).length > attestation.outputMaxBytes()) {
            throw ApiException.invalidRequest(List.of(new Violation("/output",
                    "The output must be at most " + attestation.outputMaxBytes() + " bytes as JSON; attach larger "
                            + "results as artifacts referenced by sha256.")));
        }
    }

    @PostMapping("/api/runs/{runId}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted cancel(@PathVariable String runId, @Valid @RequestBody CancelRequest request) {
        RunStatus status = onExistingRun(runId, () -> commands.sendAndWait(
                new CancelRun(runId, request.reason(), Caller.current(properties.anonymousPrincipal()).principal())));
        return new Accepted(runId, status.name());
    }

    /** A new run of the same pinned version and inputs that reuses the outputs upstream of {@code fromStep}. */
    @PostMapping("/api/runs/{runId}/rerun")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RerunAccepted rerun(@PathVariable String runId, @Valid @RequestBody RerunRequest request) {
        RerunPlan plan = onExistingRun(runId, () -> commands.sendAndWait(new PlanRerun(runId, request.fromStep())));
        preflight.check(plan.definition());
        String newRunId = UUID.randomUUID().toString();
        RunStatus status = commands.sendAndWait(new StartRun(newRunId, plan.workflow(), plan.version(), plan.digest(),
                plan.definition(), plan.inputs(), null, runId, plan.reused()));
        return new RerunAccepted(newRunId, status.name(), runId,
                plan.reused().stream().map(StepSucceeded::stepId).toList());
    }

    private static <T> T onExistingRun(String runId, Supplier<T> send) {
        try {
            return send.get();
        } catch (AggregateNotFoundException e) {
            throw ApiException.runNotFound(runId);
        }
    }
}
