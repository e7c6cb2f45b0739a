package dev.gatehouse.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a request model as API Gateway will use it: against the JSON Schema draft-4 meta-schema,
 * with networknt's json-schema-validator (rule GH228), and for the keywords API Gateway does not
 * support in models (GH229), listed in AWS's "Amazon API Gateway important notes for REST APIs"
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-known-issues.html).
 */
final class ModelSchemaCheck {
    /** The draft-4 meta-schema, bundled with the validator (nothing is fetched). */
    private static final class MetaSchema {
        static final Schema DRAFT_4 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_4.getDialectId()));
    }

    /** How many meta-schema errors a message lists. */
    private static final int MAX_ERRORS = 5;

    private ModelSchemaCheck() {
    }

    /** Where the model breaks the draft-4 meta-schema ({@code /pointer: message}); empty when it does not. */
    static List<String> metaSchemaErrors(JsonNode schema) {
        List<String> messages = new ArrayList<>();
        for (Error error : MetaSchema.DRAFT_4.validate(schema)) {
            String at = error.getInstanceLocation().toString();
            String message = (at.isEmpty() ? "(root)" : at) + ": " + error.getMessage();
            if (!messages.contains(message)) {
                messages.add(message);
            }
        }
        return messages.size() > MAX_ERRORS ? messages.subList(0, MAX_ERRORS) : messages;
    }

    /** The keywords API Gateway does not support, each with its JSON pointer. */
    static List<String> unsupportedKeywords(JsonNode schema) {
        List<String> found = new ArrayList<>();
        walk(schema, "", found);
        return found;
    }

    private static void walk(JsonNode schema, String at, List<String> found) {
        if (!schema.isObject()) {
            return;
        }
        for (String keyword : List.of("discriminator", "example", "exclusiveMinimum", "readOnly")) {
            if (schema.has(keyword)) {
                found.add(keyword + " at " + pointer(at, keyword));
            }
        }
        String type = schema.path("type").asText("");
        String format = schema.path("format").asText("");
        if (type.equals("number") && (format.equals("int32") || format.equals("int64"))) {
            found.add("number with format " + format + " at " + pointer(at, "format") + " (use type integer)");
        } else if (format.equals("decimal")) {
            found.add("format decimal at " + pointer(at, "format"));
        }
        for (String key : List.of("properties", "patternProperties", "definitions", "dependencies")) {
            for (Map.Entry<String, JsonNode> p : schema.path(key).properties()) {
                walk(p.getValue(), at + "/" + key + "/" + escape(p.getKey()), found);
            }
        }
        for (String key : List.of("items", "additionalItems", "additionalProperties", "not")) {
            JsonNode sub = schema.path(key);
            if (sub.isObject()) {
                walk(sub, at + "/" + key, found);
            }
        }
        for (String key : List.of("items", "allOf", "anyOf", "oneOf")) {
            JsonNode list = schema.path(key);
            if (list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    walk(list.get(i), at + "/" + key + "/" + i, found);
                }
            }
        }
    }

    private static String pointer(String at, String keyword) {
        return at + "/" + keyword;
    }

    /** RFC 6901: '~' as ~0 and '/' as ~1. */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
