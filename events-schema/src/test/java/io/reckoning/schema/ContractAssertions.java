package io.reckoning.schema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;

import static io.reckoning.schema.JsonContract.errors;
import static io.reckoning.schema.JsonContract.properties;
import static io.reckoning.schema.JsonContract.required;
import static org.assertj.core.api.Assertions.assertThat;

/** Checks that every contract test applies to a record, its schema and its golden example. */
public final class ContractAssertions {

    private ContractAssertions() {
    }

    /**
     * The schema describes exactly the record: one property per component, by its JSON name; every primitive
     * component (never null) is required; nothing that is not a component is required.
     */
    public static void assertSchemaDescribesRecord(JsonNode schema, Class<?> record) {
        assertThat(record.isRecord()).as("%s is a record", record.getSimpleName()).isTrue();
        List<String> components = Arrays.stream(record.getRecordComponents()).map(ContractNames::wireName).toList();
        List<String> primitives = Arrays.stream(record.getRecordComponents())
                .filter(component -> component.getType().isPrimitive())
                .map(ContractNames::wireName)
                .toList();

        assertThat(properties(schema)).as("properties of the schema for %s", record.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(components);
        assertThat(required(schema)).as("required of the schema for %s", record.getSimpleName())
                .containsAll(primitives)
                .isSubsetOf(components)
                .doesNotHaveDuplicates();
    }

    /** Removing any one required property makes the example invalid. */
    public static void assertRejectsEachMissingRequiredProperty(String schemaResource, JsonNode example) {
        JsonNode schema = JsonContract.read(schemaResource);
        assertThat(required(schema)).isNotEmpty();
        for (String name : required(schema)) {
            ObjectNode mutated = (ObjectNode) example.deepCopy();
            assertThat(mutated.has(name)).as("the golden example has required property '%s'", name).isTrue();
            mutated.remove(name);
            assertThat(errors(schemaResource, mutated))
                    .as("errors of %s without '%s'", schemaResource, name)
                    .isNotEmpty();
        }
    }

    /** A property the schema does not declare makes the example invalid. */
    public static void assertRejectsExtraProperty(String schemaResource, JsonNode example) {
        ObjectNode mutated = (ObjectNode) example.deepCopy();
        mutated.put("unexpected", "surprise");
        assertThat(errors(schemaResource, mutated)).as("errors of %s with an extra property", schemaResource)
                .anySatisfy(error -> assertThat(error).contains("unexpected"));
    }
}
