package dev.gatehouse.checks.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.checks.Finding;
import dev.gatehouse.checks.Severity;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What swagger-parser says about a document, as findings with the import's severities. Three of
 * its messages are dropped, as not API Gateway's concern or reported better elsewhere:
 *
 * <ul>
 *   <li>API Gateway names the parameter of a greedy path variable {@code {proxy+}} "proxy" (its
 *       own exports do, and its mappings say {@code method.request.path.proxy}), where OpenAPI
 *       would expect "proxy+": dropped when every operation of the path declares "proxy";</li>
 *   <li>the Swagger 2.0 reader calls {@code "responses": {}} missing; SAM writes it on every
 *       operation it generates, and API Gateway imports it;</li>
 *   <li>a reference to nothing, which the import rules report with its path.</li>
 * </ul>
 */
final class SwaggerParserVerdict {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SwaggerParserVerdict() {
    }

    /** swagger-parser's messages about a Swagger 2.0 document it converted. */
    static void swagger2(SwaggerConversion.Converted converted, JsonNode swagger, String subject, List<Finding> findings) {
        for (String message : converted.messages()) {
            if (!isGreedyVariableConvention(message, converted.document()) && !isEmptyResponses(message, swagger)) {
                findings.add(parserWarning(subject, "Swagger 2.0", message));
            }
        }
    }

    /**
     * swagger-parser's verdict. A document it cannot read is an error; what it says about a
     * document it can read is a warning, as API Gateway's import reports such problems (a missing
     * model reference, a missing {@code info}, a {@code servers} entry without {@code url}) as
     * warnings and imports anyway unless told to fail on warnings.
     */
    static void openApi30(JsonNode document, String subject, List<Finding> findings) {
        JsonNode forParser = document;
        if ("3.0".equals(document.path("openapi").asText())) {
            // SAM writes "3.0", which API Gateway imports; swagger-parser wants a patch version
            forParser = document.deepCopy();
            ((ObjectNode) forParser).put("openapi", "3.0.0");
        }
        ParseOptions options = new ParseOptions();
        // External references are reported by the import rules; resolving them would fetch URLs.
        options.setResolve(!hasExternalRef(document));
        SwaggerParseResult result;
        try {
            result = new OpenAPIV3Parser().readContents(JSON.writeValueAsString(forParser), null, options);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the document cannot be written as JSON", e);
        }
        if (result.getOpenAPI() == null) {
            findings.add(new Finding(OpenApiCheck.ID, Severity.ERROR, subject, "", "swagger-parser could not read the "
                    + "document as OpenAPI 3.0" + (result.getMessages() == null ? "." : ": " + result.getMessages())));
            return;
        }
        if (result.getMessages() != null) {
            for (String message : result.getMessages()) {
                if (!isGreedyVariableConvention(message, document) && !MISSING_REFERENCE.matcher(message).matches()) {
                    findings.add(parserWarning(subject, "OpenAPI 3.0", message));
                }
            }
        }
    }

    /** swagger-parser's word for a reference to nothing, which the import rules report with its path. */
    private static final Pattern MISSING_REFERENCE = Pattern.compile(".*\\.#/\\S+ is missing");

    private static Finding parserWarning(String subject, String format, String message) {
        return new Finding(OpenApiCheck.ID, Severity.WARNING, subject, "", format + " (swagger-parser): " + message
                + " (API Gateway's import warns about such problems and imports the rest.)");
    }

    private static final Pattern GREEDY_PARAMETER_MESSAGE = Pattern.compile(
            "(?:attribute )?paths\\.'(.+)'\\. Declared path parameter (\\S+)\\+ needs to be defined as a path parameter "
                    + "in path or operation level");

    private static boolean isGreedyVariableConvention(String message, JsonNode document) {
        Matcher m = GREEDY_PARAMETER_MESSAGE.matcher(message);
        if (!m.matches() || !m.group(1).endsWith("/{" + m.group(2) + "+}")) {
            return false;
        }
        JsonNode item = document.path("paths").path(m.group(1));
        boolean any = false;
        for (Map.Entry<String, JsonNode> operation : item.properties()) {
            if (!ApiGatewayImportRules.METHODS.contains(operation.getKey())
                    && !operation.getKey().equals(ApiGatewayImportRules.ANY_METHOD)) {
                continue;
            }
            any = true;
            boolean declared = false;
            List<JsonNode> parameters = new ArrayList<>();
            item.path("parameters").forEach(parameters::add);
            operation.getValue().path("parameters").forEach(parameters::add);
            for (JsonNode parameter : parameters) {
                declared |= "path".equals(parameter.path("in").asText()) && m.group(2).equals(parameter.path("name").asText());
            }
            if (!declared) {
                return false;
            }
        }
        return any;
    }

    private static final Pattern RESPONSES_MISSING = Pattern.compile(
            "attribute paths\\.'(.+)'\\((.+)\\)\\.responses is missing");

    private static boolean isEmptyResponses(String message, JsonNode swagger) {
        Matcher m = RESPONSES_MISSING.matcher(message);
        if (!m.matches()) {
            return false;
        }
        JsonNode responses = swagger.path("paths").path(m.group(1)).path(m.group(2)).get("responses");
        return responses != null && responses.isObject() && responses.isEmpty();
    }

    /** True when a {@code $ref} anywhere in {@code node} points outside the document. */
    private static boolean hasExternalRef(JsonNode node) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
                return true;
            }
        }
        for (JsonNode child : node) {
            if (hasExternalRef(child)) {
                return true;
            }
        }
        return false;
    }
}
