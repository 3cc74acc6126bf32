package io.reckoning.command.workflow;

import io.reckoning.support.web.ApiException;
import io.reckoning.workflow.Violation;
import io.reckoning.workflow.WorkflowDefinition;
import io.reckoning.workflow.WorkflowValidator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * {@code POST /api/workflows}, in JSON or YAML ({@code application/yaml}, {@code application/x-yaml},
 * {@code text/yaml}): 201 for a new version, 200 for content already registered, 400 listing every problem. The
 * body is at most 1 MiB ({@code RequestSizeLimit} answers 413 before it is read).
 */
@RestController
class WorkflowController {

    /** What registration answers. */
    record RegisteredWorkflow(String name, int version, String digest) {
    }

    private final CommandGateway commands;
    private final DefinitionReader reader;

    WorkflowController(CommandGateway commands, JsonMapper json) {
        this.commands = commands;
        this.reader = new DefinitionReader(json);
    }

    @PostMapping(path = "/api/workflows", consumes = {MediaType.APPLICATION_JSON_VALUE,
            DefinitionReader.APPLICATION_YAML, DefinitionReader.APPLICATION_X_YAML, DefinitionReader.TEXT_YAML})
    ResponseEntity<RegisteredWorkflow> register(@RequestBody byte[] body, @RequestHeader HttpHeaders headers) {
        DefinitionReader.Reading reading = reader.read(body, headers.getContentType());
        List<Violation> violations = reading.with(reading.definition().map(WorkflowValidator::validate).orElse(List.of()));
        if (!violations.isEmpty()) {
            throw ApiException.invalidRequest(violations);
        }
        WorkflowDefinition definition = reading.definition().orElseThrow();
        Registration registration = commands.sendAndWait(RegisterWorkflow.of(definition, DefinitionDigest.of(definition)));
        return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new RegisteredWorkflow(registration.name(), registration.version(), registration.digest()));
    }
}
