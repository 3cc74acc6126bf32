package io.reckoning.schema;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the contract tests share: the schemas (resolved from the classpath by their {@code $id}, never from the
 * network), the golden examples, and a Jackson 3 mapper configured as a service configures it.
 */
public final class JsonContract {

    /** Every schema's {@code $id} is this base followed by its classpath resource path. */
    public static final String ID_BASE = "https://reckoning.io";

    /**
     * A plain Jackson 3 mapper, strict about unknown properties as the services are, with the contract's JSON names
     * ({@link ContractNames}). Jackson 3's defaults already write {@code Instant}s as ISO-8601 strings and write
     * null properties.
     */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(ContractNames.module())
            .build();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaIdResolvers(ids -> ids.mapPrefix(ID_BASE + "/schemas/", "classpath:schemas/"))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private JsonContract() {
    }

    /** The schema at a classpath resource such as {@code /schemas/events/RunStarted.v1.schema.json}. */
    public static Schema schema(String resource) {
        return REGISTRY.getSchema(SchemaLocation.of(ID_BASE + resource));
    }

    /** The JSON Schema 2020-12 meta-schema, bundled with the validator. */
    public static Schema metaSchema() {
        return REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    }

    /** The validation errors of {@code instance} against the schema at {@code schemaResource}, as sentences. */
    public static List<String> errors(String schemaResource, JsonNode instance) {
        return schema(schemaResource).validate(instance).stream().map(Object::toString).toList();
    }

    public static boolean exists(String resource) {
        return JsonContract.class.getResource(resource) != null;
    }

    /** A JSON document from the classpath. */
    public static JsonNode read(String resource) {
        try (InputStream in = JsonContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + resource + " on the classpath.");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object from the classpath, as a copy that a test may change. */
    public static ObjectNode readObject(String resource) {
        return (ObjectNode) read(resource).deepCopy();
    }

    /** Reads {@code json} into {@code type}, writes it back and reads the written text as a tree. */
    public static JsonNode roundTrip(JsonNode json, Class<?> type) {
        Object value = MAPPER.treeToValue(json, type);
        return MAPPER.readTree(MAPPER.writeValueAsString(value));
    }

    /**
     * A copy without the object members whose value is null, at any depth: the contract reads an absent optional
     * field and a null one alike, so a golden example written before a field was added still round-trips.
     */
    public static JsonNode withoutNulls(JsonNode json) {
        JsonNode copy = json.deepCopy();
        removeNulls(copy);
        return copy;
    }

    private static void removeNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = object.properties().stream().filter(entry -> entry.getValue().isNull())
                    .map(java.util.Map.Entry::getKey).toList();
            object.remove(nulls);
        }
        node.values().forEach(JsonContract::removeNulls);
    }

    /** A value as it travels: written by {@link #MAPPER} and read back as a tree. */
    public static JsonNode written(Object value) {
        return MAPPER.readTree(MAPPER.writeValueAsString(value));
    }

    /** The file names in a classpath folder such as {@code /schemas/events}. */
    public static Set<String> fileNames(String folder) {
        URL url = JsonContract.class.getResource(folder);
        if (url == null) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(file -> file.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names listed in a schema's top-level {@code required}. */
    public static List<String> required(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("required").values().forEach(name -> names.add(name.asString()));
        return names;
    }

    /** The names of a schema's top-level {@code properties}. */
    public static List<String> properties(JsonNode schema) {
        return List.copyOf(schema.path("properties").propertyNames());
    }
}
