package dev.gatehouse.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.RequestModel;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An API's request models, declared once each in {@code components.schemas} whatever the number
 * of routes that use them, and checked when first declared (rules GH228, GH229).
 */
public final class RequestModels {
    /** Where a route's body schema points for a model. */
    static final String REF_PREFIX = "#/components/schemas/";
    private static final String DRAFT_4 = "http://json-schema.org/draft-04/schema#";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A declared model: its schema (null when it is not usable) and the route that declared it first. */
    private record Declared(JsonNode schema, String firstSubject) {
    }

    private final Map<String, Declared> byName = new TreeMap<>();

    /**
     * Declares {@code model} for the route {@code subject}; returns its {@code $ref}, or null when
     * the model cannot be used (the problem is reported).
     */
    String declare(RequestModel model, String subject, Findings findings) {
        String name = model.getName();
        String where = "request model '" + name + "' (" + subject + ")";
        if (!NAME.matcher(name).matches()) {
            findings.report(Rules.REQUEST_MODEL, where, "its name has characters other than letters and digits, "
                    + "which API Gateway does not accept in model names.", "rename it, e.g. '"
                    + name.replaceAll("[^A-Za-z0-9]", "") + "'.");
            return null;
        }
        JsonNode schema;
        try {
            schema = JSON.readTree(model.getSchemaJson());
        } catch (JsonProcessingException e) {
            findings.report(Rules.REQUEST_MODEL, where, "its schema is not JSON: " + e.getOriginalMessage() + ".",
                    "give the schema as a JSON object, e.g. {\"type\": \"object\"}.");
            return null;
        }
        Declared earlier = byName.get(name);
        if (earlier != null) {
            if (earlier.schema() != null && !earlier.schema().equals(schema)) {
                findings.report(Rules.REQUEST_MODEL, where, "another schema already has this name (declared by "
                        + earlier.firstSubject() + "); API Gateway keeps one model per name.",
                        "give one of them another name, or use the same RequestModel on both routes.");
                return null;
            }
            return earlier.schema() == null ? null : REF_PREFIX + name;
        }
        boolean usable = check(schema, where, findings);
        byName.put(name, new Declared(usable ? schema : null, subject));
        return usable ? REF_PREFIX + name : null;
    }

    private static boolean check(JsonNode schema, String where, Findings findings) {
        if (!schema.isObject()) {
            findings.report(Rules.REQUEST_MODEL, where, "its schema is not a JSON object.",
                    "give a JSON Schema draft 4 object, e.g. {\"type\": \"object\"}.");
            return false;
        }
        boolean usable = true;
        JsonNode version = schema.get("$schema");
        if (version != null && !DRAFT_4.equals(version.asText())) {
            findings.report(Rules.REQUEST_MODEL, where, "its $schema is '" + version.asText()
                    + "', but API Gateway models are JSON Schema draft 4.",
                    "write the model in draft 4 and set $schema to " + DRAFT_4 + " (or leave it out).");
            usable = false;
        }
        List<String> errors = ModelSchemaCheck.metaSchemaErrors(schema);
        if (!errors.isEmpty()) {
            findings.report(Rules.REQUEST_MODEL, where, "it is not valid JSON Schema draft 4: " + String.join("; ", errors)
                    + ".", "fix the schema so that it validates against the draft-4 meta-schema (" + DRAFT_4 + ").");
            usable = false;
        }
        List<String> unsupported = ModelSchemaCheck.unsupportedKeywords(schema);
        if (!unsupported.isEmpty()) {
            findings.report(Rules.MODEL_KEYWORDS, where, "it uses what API Gateway does not support in models: "
                    + String.join(", ", unsupported) + ".",
                    "remove them (exclusiveMinimum: raise minimum instead; example: move it to documentation).");
            usable = false;
        }
        return usable;
    }

    /**
     * Reports {@code $ref}s of the declared models that do not point to another declared model:
     * API Gateway resolves only references inside the document.
     */
    void checkReferences(Findings findings) {
        byName.forEach((name, declared) -> {
            if (declared.schema() != null) {
                references(declared.schema(), name, declared.firstSubject(), findings);
            }
        });
    }

    private void references(JsonNode node, String name, String subject, Findings findings) {
        if (node.isObject() && node.path("$ref").isTextual()) {
            String ref = node.get("$ref").asText();
            String target = ref.startsWith(REF_PREFIX) ? ref.substring(REF_PREFIX.length()) : null;
            if (target == null || byName.get(target) == null || byName.get(target).schema() == null) {
                findings.report(Rules.REQUEST_MODEL, "request model '" + name + "' (" + subject + ")",
                        "its $ref '" + ref + "' does not point to a model of this API.",
                        "point it to " + REF_PREFIX + "<Name> of a RequestModel that a route of this API declares, "
                                + "or write the schema inline.");
            }
        }
        for (JsonNode child : node) {
            references(child, name, subject, findings);
        }
    }

    boolean isEmpty() {
        return byName.isEmpty();
    }

    /**
     * {@code components.schemas}: every usable model, by name, without {@code $schema}, which an
     * OpenAPI 3.0 schema object does not have (the import makes every model draft 4).
     */
    ObjectNode render() {
        ObjectNode schemas = JSON.createObjectNode();
        byName.forEach((name, declared) -> {
            if (declared.schema() != null) {
                ObjectNode schema = (ObjectNode) declared.schema().deepCopy();
                schema.remove("$schema");
                schemas.set(name, schema);
            }
        });
        return schemas;
    }
}
