package dev.gatehouse.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * A request body model: a JSON Schema draft 4 document with a name, declared in the API's
 * {@code components.schemas} and referenced by the routes that validate bodies against it.
 * Checked at synth against the draft-4 meta-schema and API Gateway's unsupported keywords (rules
 * GH228, GH229).
 *
 * <pre>{@code
 * RequestModel order = RequestModel.fromString("Order", """
 *         {"type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}}}
 *         """);
 * }</pre>
 */
public final class RequestModel {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String schemaJson;

    private RequestModel(String name, String schemaJson) {
        this.name = Objects.requireNonNull(name, "name");
        this.schemaJson = Objects.requireNonNull(schemaJson, "schema");
    }

    /**
     * A model from a Jackson tree.
     *
     * @param name letters and digits only (API Gateway's model names), unique within the API
     */
    public static RequestModel fromJson(String name, JsonNode schema) {
        Objects.requireNonNull(schema, "schema");
        try {
            return new RequestModel(name, JSON.writeValueAsString(schema));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request model '" + name + "': the schema cannot be written as JSON", e);
        }
    }

    /**
     * A model from JSON text; text that is not JSON is reported at synth (rule GH228).
     *
     * @param name letters and digits only (API Gateway's model names), unique within the API
     */
    public static RequestModel fromString(String name, String schema) {
        return new RequestModel(name, schema);
    }

    /** The model's name, its key in {@code components.schemas}. */
    public String getName() {
        return name;
    }

    /** The schema as JSON text, as given. */
    public String getSchemaJson() {
        return schemaJson;
    }

    @Override
    public String toString() {
        return "RequestModel " + name;
    }
}
