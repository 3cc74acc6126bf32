package io.reckoning.command.workflow;

import io.reckoning.support.json.ContractJsonModule;
import io.reckoning.support.web.ApiException;
import io.reckoning.workflow.InputDeclaration;
import io.reckoning.workflow.RetryPolicy;
import io.reckoning.workflow.StepDefinition;
import io.reckoning.workflow.Violation;
import io.reckoning.workflow.WorkflowDefinition;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a submitted definition, JSON or YAML, into the model. The document is parsed into a tree first and every
 * field the model does not have, or cannot hold (a string where a list belongs), is reported with its pointer and
 * left out; the rest becomes the {@link WorkflowDefinition} that {@code WorkflowValidator} then checks. So one
 * answer lists every mistake, not the first one Jackson trips over.
 */
final class DefinitionReader {

    /** The media types of YAML that registration accepts, besides {@code application/json}. */
    static final String APPLICATION_YAML = "application/yaml";
    static final String APPLICATION_X_YAML = "application/x-yaml";
    static final String TEXT_YAML = "text/yaml";
    private static final List<MediaType> YAML_TYPES = List.of(MediaType.valueOf(APPLICATION_YAML),
            MediaType.valueOf(APPLICATION_X_YAML), MediaType.valueOf(TEXT_YAML));

    /** What a document said: the definition read from it (empty when it was not an object) and its problems. */
    record Reading(Optional<WorkflowDefinition> definition, List<Violation> violations) {

        /**
         * These problems and the validator's, without those the validator found where a field was left out for
         * being unreadable (a step id that is a number is not also "missing").
         */
        List<Violation> with(List<Violation> validation) {
            List<Violation> all = new ArrayList<>(violations);
            validation.stream()
                    .filter(problem -> violations.stream().noneMatch(left -> left.pointer().equals(problem.pointer())))
                    .forEach(all::add);
            return all;
        }
    }

    private static final Map<Class<?>, String> NOUNS = Map.of(
            WorkflowDefinition.class, "a workflow",
            InputDeclaration.class, "an input",
            StepDefinition.class, "a step",
            RetryPolicy.class, "a retry policy");

    private final JsonMapper json;
    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** @param json the service's mapper, with the contract's JSON names */
    DefinitionReader(JsonMapper json) {
        this.json = json;
    }

    static boolean isYaml(MediaType contentType) {
        return contentType != null && YAML_TYPES.stream().anyMatch(contentType::isCompatibleWith);
    }

    /** Parses the body; a body that is not JSON (or YAML) at all is a 400 {@code body-unreadable}. */
    Reading read(byte[] body, MediaType contentType) {
        boolean isYaml = isYaml(contentType);
        JsonNode document;
        try {
            document = isYaml ? yaml.readTree(body)
                    : json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(body);
        } catch (JacksonException e) {
            throw new ApiException(400, "body-unreadable", "The request body is not valid " + (isYaml ? "YAML" : "JSON")
                    + ": " + e.getOriginalMessage());
        }
        if (document == null || document.isMissingNode()) {
            throw new ApiException(400, "body-unreadable", "The request body is empty; send a workflow definition.");
        }
        List<Violation> violations = new ArrayList<>();
        JsonNode known = known(document, WorkflowDefinition.class, "", violations);
        if (known == null) {
            return new Reading(Optional.empty(), violations);
        }
        try {
            return new Reading(Optional.of(json.treeToValue(known, WorkflowDefinition.class)), violations);
        } catch (JacksonException e) {
            violations.add(new Violation("", "The definition cannot be read: " + e.getOriginalMessage()));
            return new Reading(Optional.empty(), violations);
        }
    }

    /**
     * A copy of {@code node} with only what the record type can hold, or null when the node is not an object;
     * everything left out is reported.
     */
    private ObjectNode known(JsonNode node, Class<?> record, String at, List<Violation> violations) {
        if (!node.isObject()) {
            violations.add(new Violation(at, capitalized(NOUNS.get(record)) + " must be an object, not "
                    + describe(node) + "."));
            return null;
        }
        List<RecordComponent> components = Arrays.asList(record.getRecordComponents());
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String pointer = at + "/" + escape(property.getKey());
            Optional<RecordComponent> component = components.stream()
                    .filter(c -> ContractJsonModule.jsonName(c).equals(property.getKey()))
                    .findFirst();
            if (component.isEmpty()) {
                violations.add(new Violation(pointer, "Field '" + property.getKey() + "' is not part of "
                        + NOUNS.get(record) + "; " + NOUNS.get(record) + " has " + listed(components) + "."));
                continue;
            }
            JsonNode value = fitting(property.getValue(), component.get().getGenericType(), pointer, violations);
            if (value != null) {
                copy.set(property.getKey(), value);
            }
        }
        return copy;
    }

    /** The value if it can be read as {@code type} (nested records and lists checked in turn), else null. */
    private JsonNode fitting(JsonNode value, Type type, String at, List<Violation> violations) {
        if (value.isNull() || type == Object.class) {
            return value;
        }
        if (type instanceof Class<?> recordType && recordType.isRecord()) {
            return known(value, recordType, at, violations);
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            return fittingList(value, generic.getActualTypeArguments()[0], at, violations);
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == Map.class) {
            return fittingMap(value, generic.getActualTypeArguments()[1], at, violations);
        }
        Optional<String> expected = expected(type);
        if (expected.isPresent() && !fits(value, type)) {
            violations.add(new Violation(at, place(at) + " must be " + expected.get() + ", not " + describe(value) + "."));
            return null;
        }
        return value;
    }

    private JsonNode fittingList(JsonNode value, Type element, String at, List<Violation> violations) {
        if (!value.isArray()) {
            violations.add(new Violation(at, place(at) + " must be an array, not " + describe(value) + "."));
            return null;
        }
        ArrayNode copy = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = fitting(value.get(i), element, at + "/" + i, violations);
            copy.add(item == null ? JsonNodeFactory.instance.nullNode() : item);
        }
        return copy;
    }

    private JsonNode fittingMap(JsonNode value, Type element, String at, List<Violation> violations) {
        if (!value.isObject()) {
            violations.add(new Violation(at, place(at) + " must be an object, not " + describe(value) + "."));
            return null;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            JsonNode item = fitting(entry.getValue(), element, at + "/" + escape(entry.getKey()), violations);
            if (item != null) {
                copy.set(entry.getKey(), item);
            }
        }
        return copy;
    }

    /** How a sentence names the JSON a scalar type needs; empty for types left to Jackson. */
    private static Optional<String> expected(Type type) {
        if (type == String.class) {
            return Optional.of("a string");
        }
        if (type == Integer.class || type == int.class) {
            return Optional.of("an integer");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Optional.of("true or false");
        }
        return Optional.empty();
    }

    private static boolean fits(JsonNode value, Type type) {
        if (type == String.class) {
            return value.isString();
        }
        if (type == Integer.class || type == int.class) {
            return value.isIntegralNumber() && value.canConvertToInt();
        }
        return value.isBoolean();
    }

    private static String describe(JsonNode node) {
        if (node.isString()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "null";
    }

    private static String listed(List<RecordComponent> components) {
        List<String> names = components.stream().map(ContractJsonModule::jsonName).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** How a sentence names the value at a pointer: {@code 'needs'}, or {@code entry 0 of 'needs'}. */
    private static String place(String pointer) {
        String[] tokens = pointer.split("/", -1);
        String last = unescape(tokens[tokens.length - 1]);
        if (last.matches("\\d+") && tokens.length > 2) {
            return "Entry " + last + " of '" + unescape(tokens[tokens.length - 2]) + "'";
        }
        return "'" + last + "'";
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
