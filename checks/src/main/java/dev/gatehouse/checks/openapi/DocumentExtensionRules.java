package dev.gatehouse.checks.openapi;

import static dev.gatehouse.checks.openapi.RuleFindings.allText;
import static dev.gatehouse.checks.openapi.RuleFindings.deployTime;
import static dev.gatehouse.checks.openapi.RuleFindings.iterable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.checks.internal.Names;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The document-level {@code x-amazon-apigateway-*} extensions of a REST API: API key source,
 * binary media types, minimum compression size, endpoint configuration, resource policy, request
 * validators and gateway responses.
 */
final class DocumentExtensionRules {
    static final Set<String> DOCUMENT_EXTENSIONS = Set.of("x-amazon-apigateway-api-key-source",
            "x-amazon-apigateway-binary-media-types", "x-amazon-apigateway-documentation",
            "x-amazon-apigateway-endpoint-configuration", "x-amazon-apigateway-gateway-responses",
            "x-amazon-apigateway-minimum-compression-size", "x-amazon-apigateway-policy",
            "x-amazon-apigateway-request-validators", "x-amazon-apigateway-request-validator");
    private static final Set<String> GATEWAY_RESPONSE_TYPES = Set.of("DEFAULT_4XX", "DEFAULT_5XX", "ACCESS_DENIED",
            "API_CONFIGURATION_ERROR", "AUTHORIZER_CONFIGURATION_ERROR", "AUTHORIZER_FAILURE",
            "BAD_REQUEST_PARAMETERS", "BAD_REQUEST_BODY", "EXPIRED_TOKEN", "INTEGRATION_FAILURE",
            "INTEGRATION_TIMEOUT", "INVALID_API_KEY", "INVALID_SIGNATURE", "MISSING_AUTHENTICATION_TOKEN",
            "QUOTA_EXCEEDED", "REQUEST_TOO_LARGE", "RESOURCE_NOT_FOUND", "THROTTLED", "UNAUTHORIZED",
            "UNSUPPORTED_MEDIA_TYPE", "WAF_FILTERED");
    private static final Pattern GATEWAY_RESPONSE_TARGET = Pattern.compile(
            "gatewayresponse\\.(header|querystring|path)\\.[^\\s]+");
    private static final Pattern GATEWAY_RESPONSE_SOURCE = Pattern.compile(
            "'[^']*'|method\\.request\\.(header|querystring|path|multivalueheader|multivaluequerystring)\\.[^\\s]+"
                    + "|context\\.[A-Za-z0-9._-]+|stageVariables\\.[A-Za-z0-9_]+");

    private final RuleFindings out;
    private final IntegrationRules integrations;

    DocumentExtensionRules(RuleFindings out, IntegrationRules integrations) {
        this.out = out;
        this.integrations = integrations;
    }

    void apply(JsonNode document) {
        document.fieldNames().forEachRemaining(field -> out.unknownExtension(field, DOCUMENT_EXTENSIONS, ""));
        JsonNode keySource = document.get("x-amazon-apigateway-api-key-source");
        if (keySource != null && !deployTime(keySource) && !Set.of("HEADER", "AUTHORIZER").contains(keySource.asText())) {
            out.error("x-amazon-apigateway-api-key-source", "'" + keySource.asText() + "' is not HEADER or AUTHORIZER.");
        }
        JsonNode binary = document.get("x-amazon-apigateway-binary-media-types");
        if (binary != null && !allText(binary)) {
            out.error("x-amazon-apigateway-binary-media-types", "expected a list of media types such as \"image/png\".");
        }
        JsonNode compression = document.get("x-amazon-apigateway-minimum-compression-size");
        if (compression != null && !deployTime(compression) && !(compression.isIntegralNumber() && compression.asLong() >= 0
                && compression.asLong() <= 10_485_760)) {
            out.error("x-amazon-apigateway-minimum-compression-size", "expected a whole number of bytes from 0 to 10485760.");
        }
        endpointConfiguration(document.get("x-amazon-apigateway-endpoint-configuration"));
        JsonNode policy = document.get("x-amazon-apigateway-policy");
        JsonNode statement = policy == null ? null : policy.get("Statement");
        if (policy != null && !deployTime(policy) && !(statement != null
                && (statement.isArray() || statement.isObject() || deployTime(statement)))) {
            out.error("x-amazon-apigateway-policy", "expected an IAM policy document with a Statement (a statement or "
                    + "a list of them).");
        }
        validators(document.get("x-amazon-apigateway-request-validators"));
        validatorName(document, document.get("x-amazon-apigateway-request-validator"), "x-amazon-apigateway-request-validator");
        gatewayResponses(document.get("x-amazon-apigateway-gateway-responses"));
    }

    private void endpointConfiguration(JsonNode endpoint) {
        if (endpoint == null) {
            return;
        }
        String at = "x-amazon-apigateway-endpoint-configuration";
        out.fields(endpoint, Set.of("vpcEndpointIds", "disableExecuteApiEndpoint", "ipAddressType"), at);
        if (endpoint.has("vpcEndpointIds") && !allText(endpoint.get("vpcEndpointIds"))) {
            out.error(at + ".vpcEndpointIds", "expected a list of VPC endpoint ids.");
        }
        JsonNode disable = endpoint.get("disableExecuteApiEndpoint");
        if (disable != null && !disable.isBoolean() && !deployTime(disable)) {
            out.error(at + ".disableExecuteApiEndpoint", "expected true or false.");
        }
    }

    private void validators(JsonNode validators) {
        if (validators == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> v : iterable(validators)) {
            String at = "x-amazon-apigateway-request-validators." + v.getKey();
            out.fields(v.getValue(), Set.of("validateRequestBody", "validateRequestParameters"), at);
            for (String flag : List.of("validateRequestBody", "validateRequestParameters")) {
                JsonNode value = v.getValue().get(flag);
                if (value != null && !value.isBoolean() && !deployTime(value)) {
                    out.error(at + "." + flag, "expected true or false.");
                }
            }
        }
    }

    /** A request validator named on the document or an operation must be defined. */
    void validatorName(JsonNode document, JsonNode name, String at) {
        if (name == null) {
            return;
        }
        JsonNode validators = document.path("x-amazon-apigateway-request-validators");
        if (!name.isTextual() || !validators.has(name.asText())) {
            out.error(at, "names request validator '" + name.asText() + "', which x-amazon-apigateway-request-validators "
                    + "does not define.");
        }
    }

    private void gatewayResponses(JsonNode responses) {
        if (responses == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> r : iterable(responses)) {
            String at = "x-amazon-apigateway-gateway-responses." + r.getKey();
            if (!GATEWAY_RESPONSE_TYPES.contains(r.getKey())) {
                out.error(at, "'" + r.getKey() + "' is not a gateway response type."
                        + Names.suggestion(r.getKey(), GATEWAY_RESPONSE_TYPES));
            }
            JsonNode response = r.getValue();
            out.fields(response, Set.of("statusCode", "responseParameters", "responseTemplates"), at);
            if (response.has("statusCode")
                    && !IntegrationRules.STATUS_CODE.matcher(response.get("statusCode").asText()).matches()) {
                out.error(at + ".statusCode", "'" + response.get("statusCode").asText() + "' is not an HTTP status code.");
            }
            for (Map.Entry<String, JsonNode> p : iterable(response.path("responseParameters"))) {
                if (!GATEWAY_RESPONSE_TARGET.matcher(p.getKey()).matches()) {
                    out.error(at + ".responseParameters", "'" + p.getKey()
                            + "' is not gatewayresponse.header|querystring|path.<name>.");
                }
                if (!GATEWAY_RESPONSE_SOURCE.matcher(p.getValue().asText()).matches()) {
                    out.error(at + ".responseParameters." + p.getKey(), "'" + p.getValue().asText()
                            + "' is neither a quoted static value ('...') nor a request parameter, context or stage variable.");
                }
            }
            integrations.templates(response.get("responseTemplates"), at + ".responseTemplates");
        }
    }
}
