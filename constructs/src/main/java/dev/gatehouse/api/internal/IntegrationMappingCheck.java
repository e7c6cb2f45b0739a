package dev.gatehouse.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks one route's {@code x-amazon-apigateway-integration} as any integration kind rendered it:
 * parameter mappings (GH223), template and response content types (GH222) and, for non-proxy
 * integrations, the integration responses (GH224 to GH226) and the passthrough behaviour (GH227).
 * Templates themselves are parsed with the whole document ({@link DocumentMappingCheck}).
 */
final class IntegrationMappingCheck {
    private static final String DEFAULT_RESPONSE = "default";

    private final String subject;
    private final Findings findings;

    IntegrationMappingCheck(String subject, Findings findings) {
        this.subject = subject;
        this.findings = findings;
    }

    void check(JsonNode integration, List<String> pathVariables) {
        String type = integration.path("type").asText("").toLowerCase(Locale.ROOT);
        requestParameters(integration.path("requestParameters"), pathVariables);
        contentTypes(integration.path("requestTemplates"), "request template");
        if (type.endsWith("_proxy")) {
            return;
        }
        JsonNode responses = integration.path("responses");
        boolean lambda = type.equals("aws") && integration.path("uri").asText("").contains(":lambda:path/");
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            response(response.getKey(), response.getValue(), lambda);
        }
        if (!responses.has(DEFAULT_RESPONSE)) {
            findings.report(Rules.NO_DEFAULT_RESPONSE, subject,
                    "its " + (type.isEmpty() ? "" : type + " ") + "integration has no default integration response, "
                            + "so a backend response no "
                            + "selection pattern matches becomes a 500 error.",
                    "add a response without a selection pattern, e.g. ResponseMapping.byDefault(200).");
        }
        if ("never".equalsIgnoreCase(integration.path("passthroughBehavior").asText())
                && integration.path("requestTemplates").isEmpty()) {
            findings.report(Rules.PASSTHROUGH_WITHOUT_TEMPLATES, subject,
                    "its passthrough behaviour is NEVER but it has no request template, so every request is rejected "
                            + "with 415.",
                    "add a request template for the content types the route accepts, or use WHEN_NO_TEMPLATES.");
        }
    }

    private void requestParameters(JsonNode parameters, List<String> pathVariables) {
        for (Map.Entry<String, JsonNode> p : parameters.properties()) {
            String target = p.getKey();
            String source = p.getValue().asText();
            if (!MappingExpressions.isRequestTarget(target)) {
                findings.report(Rules.PARAMETER_MAPPING, subject,
                        "the request parameter mapping target '" + target + "' is not "
                                + "integration.request.path|querystring|header|multivaluequerystring|multivalueheader.<name>.",
                        "write the target as e.g. integration.request.header.X-Tenant (names use a-z, A-Z, 0-9, "
                                + "'.', '_', '$', '-').");
            }
            Matcher parameter = MappingExpressions.methodParameter(source);
            if (parameter != null && parameter.group(1).equals("path") && !pathVariables.contains(parameter.group(2))) {
                findings.report(Rules.PARAMETER_MAPPING, subject,
                        "the request parameter " + target + " is mapped from " + source + ", but the route has no path "
                                + "variable {" + parameter.group(2) + "}.",
                        pathVariables.isEmpty() ? "map it from a query string parameter, a header or a static value."
                                : "use one of the route's variables " + pathVariables + ".");
            } else if (parameter == null && !MappingExpressions.isRequestSource(source)) {
                findings.report(Rules.PARAMETER_MAPPING, subject,
                        "the request parameter " + target + " is mapped from '" + source + "', which is not a mapping "
                                + "expression API Gateway accepts.",
                        "use method.request.path|querystring|header.<name>, method.request.body[.<JSONPath>], "
                                + "context.<name>, stageVariables.<name> or a static value in single quotes, e.g. "
                                + "'application/json'.");
            }
        }
    }

    private void response(String pattern, JsonNode response, boolean lambda) {
        String which = pattern.equals(DEFAULT_RESPONSE) ? "the default integration response"
                : "the integration response '" + pattern + "'";
        JsonNode status = response.path("statusCode");
        if (!status.asText("").matches("[1-5]\\d\\d")) {
            findings.report(Rules.INTEGRATION_RESPONSES, subject,
                    which + " has status code '" + status.asText("") + "'.", "use a status code from 100 to 599.");
        }
        if (!pattern.equals(DEFAULT_RESPONSE)) {
            selectionPattern(pattern, which, lambda);
        }
        for (Map.Entry<String, JsonNode> p : response.path("responseParameters").properties()) {
            if (!MappingExpressions.RESPONSE_TARGET.matcher(Tokens.replaceTokens(p.getKey(), "token")).matches()) {
                findings.report(Rules.PARAMETER_MAPPING, subject,
                        which + " maps '" + p.getKey() + "', which is not method.response.header.<name>.",
                        "write the target as method.response.header.<name>, e.g. method.response.header.Location.");
            }
            if (!MappingExpressions.isResponseSource(p.getValue().asText())) {
                findings.report(Rules.PARAMETER_MAPPING, subject,
                        which + " maps " + p.getKey() + " from '" + p.getValue().asText() + "', which is not a mapping "
                                + "expression API Gateway accepts.",
                        "use integration.response.header.<name>, integration.response.body[.<JSONPath>], "
                                + "context.<name>, stageVariables.<name> or a static value in single quotes, e.g. "
                                + "'no-store'.");
            }
        }
        contentTypes(response.path("responseTemplates"), "response template of " + which);
    }

    private void selectionPattern(String pattern, String which, boolean lambda) {
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            findings.report(Rules.INTEGRATION_RESPONSES, subject,
                    "the selection pattern '" + pattern + "' is not a Java regular expression: " + e.getDescription()
                            + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "") + ".",
                    "fix the expression; API Gateway matches selection patterns as Java regular expressions against "
                            + "the whole text.");
            return;
        }
        if (lambda) {
            if (compiled.matcher("").matches()) {
                findings.report(Rules.LAMBDA_SELECTION_PATTERN, subject,
                        which + " matches the empty string, so it also selects successful invocations, which have no "
                                + "errorMessage.",
                        "require at least one character, e.g. '.+' or '(.|\\n)+' instead of '.*'.");
            }
            return;
        }
        for (int code = 100; code <= 599; code++) {
            if (compiled.matcher(Integer.toString(code)).matches()) {
                return;
            }
        }
        findings.report(Rules.INTEGRATION_RESPONSES, subject,
                which + " is matched against the backend's 3-digit status code, and it matches none from 100 to 599.",
                "write a pattern for status codes, e.g. 4\\d{2} for every 4xx or 404 for one.");
    }

    private void contentTypes(JsonNode templates, String what) {
        for (Map.Entry<String, JsonNode> t : templates.properties()) {
            if (!MediaTypes.isMediaType(t.getKey())) {
                findings.report(Rules.MEDIA_TYPE, subject,
                        "the " + what + " is keyed by '" + t.getKey() + "', which is not a type/subtype media type.",
                        "key it by a media type without parameters or wildcards, e.g. application/json.");
            }
        }
    }
}
