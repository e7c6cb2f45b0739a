package dev.gatehouse.checks.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.checks.Finding;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Swagger 2.0 documents, which API Gateway imports too, are checked in the OpenAPI 3.0 form
 * swagger-parser converts them to, so that one set of rules applies to both. Extensions travel
 * with the objects they are on; {@code x-amazon-apigateway-any-method}, which the converter does
 * not know as an operation, is converted as a GET of a stand-in path and put back.
 */
final class SwaggerConversion {
    /** Appended to a path for the stand-in that carries its ANY operation through the conversion. */
    private static final String ANY_STAND_IN = "/x-gatehouse-any-method";

    /**
     * @param document the document in OpenAPI 3.0 form, or null when the converter could not read it
     * @param messages swagger-parser's messages about the Swagger 2.0 document
     */
    record Converted(JsonNode document, List<String> messages) {
    }

    private SwaggerConversion() {
    }

    static boolean isSwagger2(JsonNode document) {
        return document.has("swagger") && !document.has("openapi");
    }

    /** Converts a (rendered) Swagger 2.0 document. */
    static Converted toOpenApi30(JsonNode swagger) {
        ObjectNode copy = swagger.deepCopy();
        ObjectNode paths = copy.path("paths").isObject() ? (ObjectNode) copy.get("paths") : null;
        List<String> anyPaths = new ArrayList<>();
        if (paths != null) {
            for (Map.Entry<String, JsonNode> path : new ArrayList<>(paths.properties())) {
                if (path.getValue().isObject() && path.getValue().has(ApiGatewayImportRules.ANY_METHOD)) {
                    ObjectNode item = (ObjectNode) path.getValue();
                    ObjectNode standIn = paths.putObject(path.getKey() + ANY_STAND_IN);
                    if (item.has("parameters")) {
                        standIn.set("parameters", item.get("parameters").deepCopy());
                    }
                    standIn.set("get", item.remove(ApiGatewayImportRules.ANY_METHOD));
                    anyPaths.add(path.getKey());
                }
            }
        }
        String json;
        try {
            json = Json.mapper().writeValueAsString(copy);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the document cannot be written as JSON", e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new SwaggerConverter().readContents(json, null, options);
        List<String> messages = new ArrayList<>();
        Optional.ofNullable(result.getMessages()).orElse(List.of())
                .forEach(m -> messages.add(m.replace(ANY_STAND_IN + "'(get)", "'(x-amazon-apigateway-any-method)")
                        .replace(ANY_STAND_IN, "")));
        if (result.getOpenAPI() == null) {
            return new Converted(null, messages);
        }
        ObjectNode converted = Json.mapper().valueToTree(result.getOpenAPI());
        converted.remove("x-original-swagger-version");
        ObjectNode convertedPaths = converted.withObjectProperty("paths");
        for (String path : anyPaths) {
            JsonNode standIn = convertedPaths.remove(path + ANY_STAND_IN);
            ObjectNode item = convertedPaths.has(path) ? (ObjectNode) convertedPaths.get(path) : convertedPaths.putObject(path);
            if (standIn != null && standIn.has("get")) {
                if (!item.has("parameters") && standIn.has("parameters")) {
                    item.set("parameters", standIn.get("parameters"));
                }
                item.set(ApiGatewayImportRules.ANY_METHOD, standIn.get("get"));
            }
        }
        return new Converted(converted, messages);
    }

    /**
     * A finding about the converted document, with its path where it is in the Swagger 2.0 one
     * (security schemes and models have other homes there).
     */
    static Finding inSwagger2(Finding finding) {
        String path = finding.path();
        if (path.startsWith("components.securitySchemes")) {
            path = "securityDefinitions" + path.substring("components.securitySchemes".length());
        } else if (path.startsWith("components.schemas")) {
            path = "definitions" + path.substring("components.schemas".length());
        }
        return new Finding(finding.check(), finding.severity(), finding.subject(), path, finding.message());
    }
}
