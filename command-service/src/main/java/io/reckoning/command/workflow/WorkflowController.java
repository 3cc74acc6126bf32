package io.reckoning.command.workflow;

import io.reckoning.support.web.ApiException;
import io.reckoning.workflow.Violation;
import io.reckoning.workflow.WorkflowDefinition;
import io.reckoning.workflow.WorkflowValidator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code POST /api/workflows}: 201 for a new version, 200 for content already registered, 400 listing every problem. */
@RestController
class WorkflowController {

    /** What registration answers. */
    record RegisteredWorkflow(String name, int version, String digest) {
    }

    private final CommandGateway commands;

    WorkflowController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/workflows")
    ResponseEntity<RegisteredWorkflow> register(@RequestBody WorkflowDefinition definition) {
        List<Violation> violations = WorkflowValidator.validate(definition);
        if (!violations.isEmpty()) {
            throw ApiException.invalidRequest(violations);
        }
        Registration registration = commands.sendAndWait(RegisterWorkflow.of(definition, DefinitionDigest.of(definition)));
        return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new RegisteredWorkflow(registration.name(), registration.version(), registration.digest()));
    }
}
