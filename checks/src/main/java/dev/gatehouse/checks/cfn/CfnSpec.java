package dev.gatehouse.checks.cfn;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.checks.cfn.PropertyType.ArrayType;
import dev.gatehouse.checks.cfn.PropertyType.Kind;
import dev.gatehouse.checks.cfn.PropertyType.MapType;
import dev.gatehouse.checks.cfn.PropertyType.Primitive;
import dev.gatehouse.checks.cfn.PropertyType.StructType;
import dev.gatehouse.checks.cfn.PropertyType.TypeDefinition;
import dev.gatehouse.checks.cfn.PropertyType.UnionType;
import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The CloudFormation resource database that the CDK project publishes on npm as
 * {@code @aws-cdk/aws-service-spec}: every resource type of the CloudFormation registry with its
 * properties (types, required, allowed values), attributes and type definitions.
 *
 * <p>The package's {@code db.json.gz} is a dump of a small relational database: collections of
 * entities ({@code resource}, {@code typeDefinition}, {@code service}, metrics, events...) and
 * relationships between them; a property whose type is a structure refers to its type definition
 * by entity id ({@code {"type": "ref", "reference": {"$ref": "125"}}}). This class streams the
 * dump once, keeps only resources and type definitions (no documentation), and links the
 * references into an object graph.
 *
 * <p>Reading takes about a second; {@link #shared()} reads it once per JVM.
 */
public final class CfnSpec {
    /** The npm package the database comes from. */
    public static final String PACKAGE = "@aws-cdk/aws-service-spec";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile CfnSpec shared;

    private final Map<String, ResourceType> resources;
    private final int typeDefinitions;
    private final String version;
    private final URL source;

    private CfnSpec(Map<String, ResourceType> resources, int typeDefinitions, String version, URL source) {
        this.resources = Map.copyOf(resources);
        this.typeDefinitions = typeDefinitions;
        this.version = version;
        this.source = source;
    }

    /**
     * The database found by {@link CfnSpecLocator#locate()}, read on first use and shared by every
     * caller in this JVM.
     *
     * @throws IllegalStateException when the database is not installed, with how to install it
     */
    public static CfnSpec shared() {
        CfnSpec spec = shared;
        if (spec == null) {
            synchronized (CfnSpec.class) {
                spec = shared;
                if (spec == null) {
                    spec = load(CfnSpecLocator.locate());
                    shared = spec;
                }
            }
        }
        return spec;
    }

    /** Reads the database at {@code dbJsonGz} (the package's {@code db.json.gz}). */
    public static CfnSpec load(Path dbJsonGz) {
        try {
            return load(dbJsonGz.toAbsolutePath().toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a file path: " + dbJsonGz, e);
        }
    }

    /**
     * Reads the database at {@code dbJsonGz}, a file or a resource inside a jar; its version comes
     * from the {@code package.json} beside it.
     */
    public static CfnSpec load(URL dbJsonGz) {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(dbJsonGz.openStream()), 1 << 16);
                JsonParser parser = JSON.createParser(in)) {
            Reader reader = new Reader();
            reader.read(parser);
            return new CfnSpec(reader.resources, reader.definitions.size(), packageVersion(dbJsonGz), dbJsonGz);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the CloudFormation resource database " + dbJsonGz, e);
        }
    }

    /** The resource type, e.g. {@code resourceType("AWS::Lambda::Function")}. */
    public Optional<ResourceType> resourceType(String cloudFormationType) {
        return Optional.ofNullable(resources.get(cloudFormationType));
    }

    /** Every resource type name the database knows. */
    public Set<String> resourceTypeNames() {
        return resources.keySet();
    }

    public int typeDefinitionCount() {
        return typeDefinitions;
    }

    /** The npm package version ("0.1.216"), or "unknown" when its package.json is not beside it. */
    public String version() {
        return version;
    }

    /** Where the database was read from: a file, or the copy inside the gatehouse-checks jar. */
    public URL source() {
        return source;
    }

    /** e.g. "@aws-cdk/aws-service-spec 0.1.216, 1828 resource types". */
    public String describe() {
        return PACKAGE + " " + version + ", " + resources.size() + " resource types";
    }

    private static String packageVersion(URL dbJsonGz) {
        URL packageJson;
        try {
            packageJson = new URL(dbJsonGz, "package.json");
        } catch (MalformedURLException e) {
            return "unknown";
        }
        try (InputStream in = packageJson.openStream()) {
            return JSON.readTree(in).path("version").asText("unknown");
        } catch (FileNotFoundException e) {
            return "unknown";
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + packageJson, e);
        }
    }

    /** Streams the dump, keeping resources and type definitions. */
    private static final class Reader {
        final Map<String, ResourceType> resources = new HashMap<>();
        final Map<String, TypeDefinition> definitions = new HashMap<>();
        final Map<String, StructType> structs = new HashMap<>();
        final Map<Kind, Primitive> plain = new EnumMap<>(Kind.class);

        void read(JsonParser p) throws IOException {
            expect(p.nextToken(), JsonToken.START_OBJECT, p);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("schema".equals(field)) {
                    readSchema(p);
                } else {
                    p.skipChildren();
                }
            }
            List<String> undefined = definitions.values().stream()
                    .filter(d -> "?".equals(d.name())).map(TypeDefinition::id).toList();
            if (!undefined.isEmpty()) {
                throw new IllegalStateException("the resource database refers to type definitions it does not contain: "
                        + undefined.subList(0, Math.min(5, undefined.size())));
            }
            if (resources.isEmpty()) {
                throw new IllegalStateException("the resource database contains no resource types");
            }
        }

        private void readSchema(JsonParser p) throws IOException {
            expect(p.currentToken(), JsonToken.START_OBJECT, p);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String collection = p.currentName();
                p.nextToken();
                if (!"resource".equals(collection) && !"typeDefinition".equals(collection)) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (!"entities".equals(field)) {
                        p.skipChildren();
                        continue;
                    }
                    expect(p.currentToken(), JsonToken.START_ARRAY, p);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode entity = tree(p);
                        if ("resource".equals(collection)) {
                            resource(entity);
                        } else {
                            definition(entity);
                        }
                    }
                }
            }
        }

        /**
         * The value at the current token as a tree, without the (large) documentation texts,
         * which are skipped without being decoded.
         */
        private static JsonNode tree(JsonParser p) throws IOException {
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            switch (p.currentToken()) {
                case START_OBJECT -> {
                    ObjectNode object = nodes.objectNode();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        if (name.equals("documentation")) {
                            p.skipChildren();
                        } else {
                            object.set(name, tree(p));
                        }
                    }
                    return object;
                }
                case START_ARRAY -> {
                    ArrayNode array = nodes.arrayNode();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        array.add(tree(p));
                    }
                    return array;
                }
                case VALUE_STRING -> {
                    return nodes.textNode(p.getText());
                }
                case VALUE_NUMBER_INT -> {
                    return nodes.numberNode(p.getLongValue());
                }
                case VALUE_NUMBER_FLOAT -> {
                    return nodes.numberNode(p.getDoubleValue());
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    return nodes.booleanNode(p.getBooleanValue());
                }
                default -> {
                    return nodes.nullNode();
                }
            }
        }

        private void resource(JsonNode e) {
            String type = e.path("cloudFormationType").asText();
            Set<String> attributes = new LinkedHashSet<>();
            e.path("attributes").fieldNames().forEachRemaining(attributes::add);
            JsonNode refs = e.has("cfnRefIdentifier") ? e.get("cfnRefIdentifier") : e.path("primaryIdentifier");
            List<String> refIdentifier = new ArrayList<>();
            refs.forEach(r -> refIdentifier.add(r.asText()));
            resources.put(type, new ResourceType(type, properties(e.path("properties")), attributes, refIdentifier,
                    e.hasNonNull("arnTemplate") ? e.get("arnTemplate").asText() : null));
        }

        private void definition(JsonNode e) {
            definitionRef(e.path("$id").asText()).define(e.path("name").asText(), properties(e.path("properties")));
        }

        private Map<String, Property> properties(JsonNode node) {
            Map<String, Property> properties = new LinkedHashMap<>();
            node.properties().forEach(f -> {
                JsonNode p = f.getValue();
                List<PropertyType> previous = new ArrayList<>();
                p.path("previousTypes").forEach(t -> previous.add(type(t)));
                properties.put(f.getKey(), new Property(type(p.path("type")), previous, p.path("required").asBoolean(false)));
            });
            return properties;
        }

        private TypeDefinition definitionRef(String id) {
            return definitions.computeIfAbsent(id, TypeDefinition::new);
        }

        private PropertyType type(JsonNode t) {
            String kind = t.path("type").asText();
            return switch (kind) {
                case "string" -> t.has("allowedValues") ? new Primitive(Kind.STRING, texts(t.get("allowedValues")), List.of())
                        : plain(Kind.STRING);
                case "integer" -> t.has("allowedValues") ? new Primitive(Kind.INTEGER, List.of(), longs(t.get("allowedValues")))
                        : plain(Kind.INTEGER);
                case "number" -> plain(Kind.NUMBER);
                case "boolean" -> plain(Kind.BOOLEAN);
                case "date-time" -> plain(Kind.DATE_TIME);
                case "json" -> plain(Kind.JSON);
                case "tag" -> plain(Kind.TAG);
                case "null" -> plain(Kind.NULL);
                case "array" -> new ArrayType(type(t.path("element")));
                case "map" -> new MapType(type(t.path("element")));
                case "union" -> {
                    List<PropertyType> types = new ArrayList<>();
                    t.path("types").forEach(u -> types.add(type(u)));
                    yield new UnionType(types);
                }
                case "ref" -> {
                    String id = t.path("reference").path("$ref").asText();
                    yield structs.computeIfAbsent(id, k -> new StructType(definitionRef(k)));
                }
                default -> throw new IllegalStateException("the resource database has a property type '" + kind
                        + "' this reader does not know; is @aws-cdk/aws-service-spec newer than the pinned version?");
            };
        }

        private Primitive plain(Kind kind) {
            return this.plain.computeIfAbsent(kind, k -> new Primitive(k, List.of(), List.of()));
        }

        private static List<String> texts(JsonNode array) {
            List<String> values = new ArrayList<>();
            array.forEach(v -> values.add(v.asText()));
            return values;
        }

        private static List<Long> longs(JsonNode array) {
            List<Long> values = new ArrayList<>();
            array.forEach(v -> values.add(v.asLong()));
            return values;
        }

        private static void expect(JsonToken actual, JsonToken expected, JsonParser p) throws IOException {
            if (actual != expected) {
                throw new IllegalStateException("unexpected structure in the resource database at "
                        + p.currentLocation() + ": " + actual + " where " + expected + " was expected");
            }
        }
    }
}
