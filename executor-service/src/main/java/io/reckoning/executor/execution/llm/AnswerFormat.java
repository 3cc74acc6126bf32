package io.reckoning.executor.execution.llm;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A JSON answer: how it is asked for (in the system message, so every provider gets the same instruction) and how
 * it is checked (parsed, and validated against the step's schema with remote references never fetched).
 */
final class AnswerFormat {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FENCED = Pattern.compile("(?s)^\\s*```[a-zA-Z]*\\s*(.*?)\\s*```\\s*$");
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
    private static final int MAX_ERRORS = 10;

    private AnswerFormat() {
    }

    /** The system message to send: the step's, followed for a JSON answer by what the answer must be. */
    static String systemMessage(LlmRequest request) {
        if (!request.json()) {
            return request.system();
        }
        String instruction = "Answer with one JSON value only, no prose and no code fences."
                + (request.schema() == null ? ""
                : " It must satisfy this JSON Schema: " + JSON.writeValueAsString(request.schema()));
        return request.system() == null ? instruction : request.system() + "\n\n" + instruction;
    }

    /** The answer as JSON, satisfying the schema if there is one; otherwise an {@code invalid_response}. */
    static JsonNode parse(String text, LlmRequest request, String label) {
        Matcher fenced = FENCED.matcher(text);
        JsonNode answer;
        try {
            answer = JSON.readTree(fenced.matches() ? fenced.group(1) : text);
        } catch (JacksonException e) {
            throw new LlmFailure(LlmErrorClass.INVALID_RESPONSE, label + " answered text that is not JSON.");
        }
        if (answer == null || answer.isMissingNode()) {
            throw new LlmFailure(LlmErrorClass.INVALID_RESPONSE, label + " answered nothing where JSON was asked for.");
        }
        if (request.schema() != null) {
            Schema schema = SCHEMAS.getSchema(JSON.valueToTree(request.schema()));
            List<Error> errors = schema.validate(answer);
            if (!errors.isEmpty()) {
                throw new LlmFailure(LlmErrorClass.INVALID_RESPONSE, label + "'s JSON answer does not satisfy the "
                        + "step's schema: " + errors.stream().limit(MAX_ERRORS).map(Error::toString)
                        .collect(Collectors.joining("; ")) + (errors.size() > MAX_ERRORS ? "; …" : ""));
            }
        }
        return answer;
    }
}
