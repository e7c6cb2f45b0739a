package dev.gatehouse.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.Defaults;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every mapping template of a rendered document, whichever integration kind or feature
 * wrote it: request templates, integration response templates and gateway response templates
 * are parsed as VTL (rule GH220) and measured against API Gateway's 300 KB quota (GH221). Also
 * reports request bodies converted to text on an API without binary media types (GH234).
 */
public final class DocumentMappingCheck {
    private static final String ANY_METHOD = "x-amazon-apigateway-any-method";

    private final Findings findings;
    /** Templates already parsed: a thousand routes often share one. */
    private final Map<String, Optional<VtlParser.SyntaxError>> parsed = new HashMap<>();

    private DocumentMappingCheck(Findings findings) {
        this.findings = findings;
    }

    /** Reports the problems of {@code document}'s templates into {@code findings}. */
    public static void check(JsonNode document, Findings findings) {
        new DocumentMappingCheck(findings).document(document);
    }

    private void document(JsonNode document) {
        boolean binaryTypes = !document.path("x-amazon-apigateway-binary-media-types").isEmpty();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().equals(ANY_METHOD) ? "ANY" : operation.getKey().toUpperCase(Locale.ROOT);
                String subject = "route '" + method + " " + path.getKey() + "'";
                JsonNode integration = operation.getValue().path("x-amazon-apigateway-integration");
                templates(subject, integration.path("requestTemplates"), "request template");
                for (Map.Entry<String, JsonNode> response : integration.path("responses").properties()) {
                    String which = response.getKey().equals("default") ? "the default integration response"
                            : "integration response '" + response.getKey() + "'";
                    templates(subject, response.getValue().path("responseTemplates"), "response template of " + which);
                }
                if (!binaryTypes && "CONVERT_TO_TEXT".equals(integration.path("contentHandling").asText())) {
                    findings.report(Rules.CONTENT_HANDLING_WITHOUT_BINARY, subject,
                            "it converts request bodies to text (CONVERT_TO_TEXT), but the API declares no binary "
                                    + "media types, so no request body is binary and nothing is converted.",
                            "list the binary types the route accepts in the API's binaryMediaTypes, e.g. image/png.");
                }
            }
        }
        for (Map.Entry<String, JsonNode> response : document.path("x-amazon-apigateway-gateway-responses").properties()) {
            templates("gateway response '" + response.getKey() + "'", response.getValue().path("responseTemplates"),
                    "response template");
        }
    }

    private void templates(String subject, JsonNode templates, String what) {
        for (Map.Entry<String, JsonNode> t : templates.properties()) {
            String text = t.getValue().asText("");
            String template = "the " + what + " for " + t.getKey();
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > Defaults.MAPPING_TEMPLATE_MAX_BYTES) {
                findings.report(Rules.MAPPING_TEMPLATE_SIZE, subject, template + " is " + bytes + " bytes; API Gateway "
                        + "accepts mapping templates of at most " + Defaults.MAPPING_TEMPLATE_MAX_BYTES + " bytes (300 KB).",
                        "move the bulk of it to the backend, or split the route by content type.");
                continue;
            }
            Optional<VtlParser.SyntaxError> error = parsed.computeIfAbsent(text,
                    key -> Optional.ofNullable(VtlParser.parse(Tokens.replaceTokens(key, "TOKEN"))));
            error.ifPresent(e -> findings.report(Rules.MAPPING_TEMPLATE_SYNTAX, subject,
                    template + " is not valid VTL: line " + e.line() + ", column " + e.column() + ": " + e.reason() + ".",
                    "fix the template at that line; API Gateway evaluates it with Velocity and would fail every "
                            + "request it applies to."));
        }
    }
}
