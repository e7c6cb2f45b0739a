package dev.gatehouse.checks.openapi;

import static dev.gatehouse.checks.openapi.RuleFindings.iterable;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Models: JSON Schema draft 4 with the exceptions of AWS's "Amazon API Gateway important notes for
 * REST APIs" (no discriminator, example, exclusiveMinimum, readOnly, number with an integer
 * format, decimal; model names of letters and digits; no references outside the document).
 */
final class SchemaRules {
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9]+");
    private static final Set<String> PRIMITIVES = Set.of("string", "number", "integer", "boolean");

    private final RuleFindings out;

    SchemaRules(RuleFindings out) {
        this.out = out;
    }

    void schemas(JsonNode document) {
        for (Map.Entry<String, JsonNode> s : iterable(document.path("components").path("schemas"))) {
            String at = "components.schemas." + s.getKey();
            if (!MODEL_NAME.matcher(s.getKey()).matches()) {
                out.error(at, "API Gateway model names may only contain letters and digits.");
            }
            schema(s.getValue(), at);
        }
        refs(document, document, "");
    }

    /**
     * References: API Gateway resolves only references inside the document (an error otherwise),
     * and a reference to nothing is a missing model reference, which the import warns about.
     */
    private void refs(JsonNode document, JsonNode node, String at) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
                out.error(at + ".$ref", "'" + ref.asText() + "' points outside the document; API Gateway resolves only "
                        + "references inside it (#/components/...).");
            } else if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")
                    && document.at(ref.asText().substring(1)).isMissingNode()) {
                out.warning(at + ".$ref", "'" + ref.asText() + "' is not in the document; the import warns (a missing "
                        + "model reference) and leaves it out.");
            }
            node.properties().forEach(f -> refs(document, f.getValue(), at.isEmpty() ? f.getKey() : at + "." + f.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refs(document, node.get(i), at + "[" + i + "]");
            }
        }
    }

    /**
     * A method response's schema: the import creates no model for an inline primitive one (it
     * warns and imports the method without it).
     */
    void responseSchema(JsonNode schema, String at) {
        String type = schema.path("type").asText("");
        if (!schema.has("$ref") && PRIMITIVES.contains(type)) {
            out.warning(at, "API Gateway creates models for method responses from objects (or a $ref to a model), not "
                    + "from an inline " + type + "; the import warns and leaves the response without a model. Fix: "
                    + "$ref a model in components.schemas.");
        }
        schema(schema, at);
    }

    void schema(JsonNode schema, String at) {
        if (!schema.isObject()) {
            return;
        }
        if (schema.has("discriminator")) {
            out.error(at + ".discriminator", "API Gateway does not support discriminator in any schema.");
        }
        if (schema.has("example")) {
            out.error(at + ".example", "API Gateway does not support the example keyword in models; remove it.");
        }
        if (schema.has("exclusiveMinimum")) {
            out.error(at + ".exclusiveMinimum", "API Gateway does not support exclusiveMinimum; use minimum.");
        }
        if (schema.has("readOnly")) {
            out.error(at + ".readOnly", "API Gateway does not support readOnly in models.");
        }
        String type = schema.path("type").asText("");
        String format = schema.path("format").asText("");
        if (type.equals("number") && (format.equals("int32") || format.equals("int64"))) {
            out.error(at + ".format", "API Gateway does not support number with format " + format + "; use type integer.");
        }
        if (format.equals("decimal")) {
            out.error(at + ".format", "API Gateway does not support the decimal format.");
        }
        if (schema.has("oneOf")) {
            out.warning(at + ".oneOf", "API Gateway cannot generate SDKs for oneOf (Swagger 2.0 imports reject it).");
        }
        for (String key : List.of("properties", "patternProperties", "definitions")) {
            for (Map.Entry<String, JsonNode> p : iterable(schema.path(key))) {
                schema(p.getValue(), at + "." + key + "." + p.getKey());
            }
        }
        for (String key : List.of("items", "additionalProperties", "not")) {
            if (schema.has(key)) {
                schema(schema.get(key), at + "." + key);
            }
        }
        for (String key : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode list = schema.path(key);
            for (int i = 0; i < list.size(); i++) {
                schema(list.get(i), at + "." + key + "[" + i + "]");
            }
        }
    }
}
