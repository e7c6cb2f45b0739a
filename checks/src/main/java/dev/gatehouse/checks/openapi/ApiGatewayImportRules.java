package dev.gatehouse.checks.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.checks.Finding;
import dev.gatehouse.checks.Severity;
import dev.gatehouse.checks.internal.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API Gateway's own rules for importing an OpenAPI 3.0 document as a REST API, beyond OpenAPI
 * validity: the {@code x-amazon-apigateway-*} extensions (known names, their fields, required
 * fields, allowed values), integration URIs per integration type, authorizers, parameter
 * mappings, and the OpenAPI/JSON Schema features API Gateway does not support (AWS's "Amazon API
 * Gateway important notes for REST APIs").
 *
 * <p>The document must already be rendered ({@link DeployTimeValues}): deploy-time values are
 * strings with placeholders, which satisfy any rule they could satisfy.
 */
final class ApiGatewayImportRules {
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    static final String ANY_METHOD = "x-amazon-apigateway-any-method";
    static final String INTEGRATION = "x-amazon-apigateway-integration";

    private static final Set<String> DOCUMENT_EXTENSIONS = Set.of("x-amazon-apigateway-api-key-source",
            "x-amazon-apigateway-binary-media-types", "x-amazon-apigateway-documentation",
            "x-amazon-apigateway-endpoint-configuration", "x-amazon-apigateway-gateway-responses",
            "x-amazon-apigateway-minimum-compression-size", "x-amazon-apigateway-policy",
            "x-amazon-apigateway-request-validators", "x-amazon-apigateway-request-validator",
            "x-amazon-apigateway-importexport-version");
    private static final Set<String> OPERATION_EXTENSIONS = Set.of(INTEGRATION,
            "x-amazon-apigateway-request-validator", "x-amazon-apigateway-auth");
    private static final Set<String> SCHEME_EXTENSIONS = Set.of("x-amazon-apigateway-authtype",
            "x-amazon-apigateway-authorizer");
    private static final Set<String> INTEGRATION_FIELDS = Set.of("cacheKeyParameters", "cacheNamespace",
            "connectionId", "connectionType", "credentials", "contentHandling", "httpMethod", "integrationSubtype",
            "passthroughBehavior", "payloadFormatVersion", "requestParameters", "requestTemplates", "responses",
            "timeoutInMillis", "type", "tlsConfig", "uri", "responseTransferMode");
    private static final Set<String> INTEGRATION_TYPES = Set.of("aws", "aws_proxy", "http", "http_proxy", "mock");
    private static final Set<String> INTEGRATION_RESPONSE_FIELDS = Set.of("statusCode", "responseParameters",
            "responseTemplates", "contentHandling");
    private static final Set<String> AUTHORIZER_FIELDS = Set.of("type", "authorizerUri", "authorizerCredentials",
            "identitySource", "identityValidationExpression", "authorizerResultTtlInSeconds", "providerARNs",
            "authorizerPayloadFormatVersion", "enableSimpleResponses", "jwtConfiguration");
    private static final Set<String> GATEWAY_RESPONSE_TYPES = Set.of("DEFAULT_4XX", "DEFAULT_5XX", "ACCESS_DENIED",
            "API_CONFIGURATION_ERROR", "AUTHORIZER_CONFIGURATION_ERROR", "AUTHORIZER_FAILURE",
            "BAD_REQUEST_PARAMETERS", "BAD_REQUEST_BODY", "EXPIRED_TOKEN", "INTEGRATION_FAILURE",
            "INTEGRATION_TIMEOUT", "INVALID_API_KEY", "INVALID_SIGNATURE", "MISSING_AUTHENTICATION_TOKEN",
            "QUOTA_EXCEEDED", "REQUEST_TOO_LARGE", "RESOURCE_NOT_FOUND", "THROTTLED", "UNAUTHORIZED",
            "UNSUPPORTED_MEDIA_TYPE", "WAF_FILTERED");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY");

    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._,:-]+|\\{[A-Za-z0-9._-]+\\+?}");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([A-Za-z0-9._-]+)(\\+?)}");
    /** arn:{partition}:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations */
    static final Pattern LAMBDA_URI = Pattern.compile(
            "arn:([^:]+):apigateway:([^:]+):lambda:path/2015-03-31/functions/(.+)/invocations");
    private static final Pattern LAMBDA_FUNCTION_ARN = Pattern.compile(
            "arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]{1,128})?");
    private static final Pattern AWS_SERVICE_URI = Pattern.compile(
            "arn:([^:]+):apigateway:([^:]+):([A-Za-z0-9.{}-]+):(path|action)/.+");
    private static final Pattern COGNITO_POOL_ARN = Pattern.compile(
            "arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\\d{12}:userpool/[A-Za-z0-9_-]+");
    private static final Pattern IAM_ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");
    /** x-amazon-apigateway-integration.credentials: the caller's identity instead of a role. */
    private static final Pattern CALLER_CREDENTIALS = Pattern.compile("arn:aws[a-z-]*:iam::\\*:user/\\*");
    private static final Pattern INTEGRATION_PARAMETER = Pattern.compile(
            "integration\\.request\\.(path|querystring|header|multivaluequerystring|multivalueheader)\\.([^.\\s]+)");
    private static final Pattern METHOD_PARAMETER = Pattern.compile(
            "method\\.request\\.(path|querystring|header|multivaluequerystring|multivalueheader)\\.([^\\s]+)");
    private static final Pattern OTHER_SOURCE = Pattern.compile(
            "'[^']*'|method\\.request\\.body(\\..+)?|context\\.[A-Za-z0-9._-]+|stageVariables\\.[A-Za-z0-9_]+");
    private static final Pattern RESPONSE_TARGET = Pattern.compile("method\\.response\\.header\\.([^\\s]+)");
    private static final Pattern RESPONSE_SOURCE = Pattern.compile(
            "'[^']*'|integration\\.response\\.(header|multivalueheader)\\.[^\\s]+|integration\\.response\\.body(\\..+)?"
                    + "|context\\.[A-Za-z0-9._-]+|stageVariables\\.[A-Za-z0-9_]+");
    private static final Pattern GATEWAY_RESPONSE_TARGET = Pattern.compile(
            "gatewayresponse\\.(header|querystring|path)\\.[^\\s]+");
    private static final Pattern GATEWAY_RESPONSE_SOURCE = Pattern.compile(
            "'[^']*'|method\\.request\\.(header|querystring|path|multivalueheader|multivaluequerystring)\\.[^\\s]+"
                    + "|context\\.[A-Za-z0-9._-]+|stageVariables\\.[A-Za-z0-9_]+");
    private static final Pattern IDENTITY_SOURCE = Pattern.compile(
            "method\\.request\\.(header|querystring|multivalueheader|multivaluequerystring)\\.[^\\s,]+"
                    + "|stageVariables\\.[A-Za-z0-9_]+|context\\.[A-Za-z0-9._]+");
    private static final Pattern STATUS_CODE = Pattern.compile("[1-5]\\d\\d");
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9]+");

    private final String check;
    private final String subject;
    private final List<Finding> findings;

    ApiGatewayImportRules(String check, String subject, List<Finding> findings) {
        this.check = check;
        this.subject = subject;
        this.findings = findings;
    }

    /** Applies every rule to the rendered {@code document}; returns the number of operations seen. */
    int apply(JsonNode document) {
        JsonNode version = document.get("openapi");
        if (version == null || !version.asText().startsWith("3.0.")) {
            error("openapi", "the document is OpenAPI " + (version == null ? "(no 'openapi' field)" : version.asText())
                    + "; API Gateway imports OpenAPI 3.0.x (and Swagger 2.0), not 3.1.");
        }
        document.fieldNames().forEachRemaining(field -> unknownExtension(field, DOCUMENT_EXTENSIONS, ""));
        if (document.has("security")) {
            error("security", "API Gateway ignores document-level security, so operations without their own 'security' "
                    + "would be public. Declare security on each operation.");
        }
        documentExtensions(document);
        securitySchemes(document);
        schemas(document);

        int operations = 0;
        for (Map.Entry<String, JsonNode> path : iterable(document.path("paths"))) {
            String at = "paths." + path.getKey();
            List<String> variables = pathTemplate(path.getKey(), at);
            JsonNode item = path.getValue();
            for (Map.Entry<String, JsonNode> entry : iterable(item)) {
                String key = entry.getKey();
                if (METHODS.contains(key) || key.equals(ANY_METHOD)) {
                    operations++;
                    operation(document, path.getKey(), variables, item, entry.getValue(), at + "." + key);
                } else if (key.equals("trace")) {
                    error(at + ".trace", "API Gateway REST APIs have no TRACE method.");
                } else {
                    unknownExtension(key, Set.of(), at);
                }
            }
        }
        return operations;
    }

    // ---- Document-level extensions -----------------------------------------------------------

    private void documentExtensions(JsonNode document) {
        JsonNode keySource = document.get("x-amazon-apigateway-api-key-source");
        if (keySource != null && !Set.of("HEADER", "AUTHORIZER").contains(keySource.asText())) {
            error("x-amazon-apigateway-api-key-source", "'" + keySource.asText() + "' is not HEADER or AUTHORIZER.");
        }
        JsonNode binary = document.get("x-amazon-apigateway-binary-media-types");
        if (binary != null && !allText(binary)) {
            error("x-amazon-apigateway-binary-media-types", "expected a list of media types such as \"image/png\".");
        }
        JsonNode compression = document.get("x-amazon-apigateway-minimum-compression-size");
        if (compression != null && !(compression.isIntegralNumber() && compression.asLong() >= 0
                && compression.asLong() <= 10_485_760)) {
            error("x-amazon-apigateway-minimum-compression-size", "expected a whole number of bytes from 0 to 10485760.");
        }
        JsonNode endpoint = document.get("x-amazon-apigateway-endpoint-configuration");
        if (endpoint != null) {
            fields(endpoint, Set.of("vpcEndpointIds", "disableExecuteApiEndpoint", "ipAddressType"),
                    "x-amazon-apigateway-endpoint-configuration");
            if (endpoint.has("vpcEndpointIds") && !allText(endpoint.get("vpcEndpointIds"))) {
                error("x-amazon-apigateway-endpoint-configuration.vpcEndpointIds", "expected a list of VPC endpoint ids.");
            }
            if (endpoint.has("disableExecuteApiEndpoint") && !endpoint.get("disableExecuteApiEndpoint").isBoolean()) {
                error("x-amazon-apigateway-endpoint-configuration.disableExecuteApiEndpoint", "expected true or false.");
            }
        }
        JsonNode policy = document.get("x-amazon-apigateway-policy");
        if (policy != null && !(policy.isObject() && policy.path("Statement").isArray())) {
            error("x-amazon-apigateway-policy", "expected an IAM policy document with a Statement list.");
        }
        JsonNode validators = document.get("x-amazon-apigateway-request-validators");
        if (validators != null) {
            for (Map.Entry<String, JsonNode> v : iterable(validators)) {
                String at = "x-amazon-apigateway-request-validators." + v.getKey();
                fields(v.getValue(), Set.of("validateRequestBody", "validateRequestParameters"), at);
                for (String flag : List.of("validateRequestBody", "validateRequestParameters")) {
                    if (v.getValue().has(flag) && !v.getValue().get(flag).isBoolean()) {
                        error(at + "." + flag, "expected true or false.");
                    }
                }
            }
        }
        validatorName(document, document.get("x-amazon-apigateway-request-validator"), "x-amazon-apigateway-request-validator");
        JsonNode responses = document.get("x-amazon-apigateway-gateway-responses");
        if (responses != null) {
            for (Map.Entry<String, JsonNode> r : iterable(responses)) {
                String at = "x-amazon-apigateway-gateway-responses." + r.getKey();
                if (!GATEWAY_RESPONSE_TYPES.contains(r.getKey())) {
                    error(at, "'" + r.getKey() + "' is not a gateway response type."
                            + Names.suggestion(r.getKey(), GATEWAY_RESPONSE_TYPES));
                }
                JsonNode response = r.getValue();
                fields(response, Set.of("statusCode", "responseParameters", "responseTemplates"), at);
                if (response.has("statusCode") && !STATUS_CODE.matcher(response.get("statusCode").asText()).matches()) {
                    error(at + ".statusCode", "'" + response.get("statusCode").asText() + "' is not an HTTP status code.");
                }
                for (Map.Entry<String, JsonNode> p : iterable(response.path("responseParameters"))) {
                    if (!GATEWAY_RESPONSE_TARGET.matcher(p.getKey()).matches()) {
                        error(at + ".responseParameters", "'" + p.getKey()
                                + "' is not gatewayresponse.header|querystring|path.<name>.");
                    }
                    if (!GATEWAY_RESPONSE_SOURCE.matcher(p.getValue().asText()).matches()) {
                        error(at + ".responseParameters." + p.getKey(), "'" + p.getValue().asText()
                                + "' is neither a quoted static value ('...') nor a request parameter, context or stage variable.");
                    }
                }
                templates(response.get("responseTemplates"), at + ".responseTemplates");
            }
        }
    }

    private void validatorName(JsonNode document, JsonNode name, String at) {
        if (name == null) {
            return;
        }
        JsonNode validators = document.path("x-amazon-apigateway-request-validators");
        if (!name.isTextual() || !validators.has(name.asText())) {
            error(at, "names request validator '" + name.asText() + "', which x-amazon-apigateway-request-validators "
                    + "does not define.");
        }
    }

    // ---- Security schemes ---------------------------------------------------------------------

    private void securitySchemes(JsonNode document) {
        for (Map.Entry<String, JsonNode> s : iterable(document.path("components").path("securitySchemes"))) {
            String at = "components.securitySchemes." + s.getKey();
            JsonNode scheme = s.getValue();
            scheme.fieldNames().forEachRemaining(f -> unknownExtension(f, SCHEME_EXTENSIONS, at));
            if (!"apiKey".equals(scheme.path("type").asText())) {
                error(at + ".type", "API Gateway REST APIs accept only security schemes of type apiKey (IAM, Lambda and "
                        + "Cognito authorizers are apiKey schemes with x-amazon-apigateway-* extensions), not '"
                        + scheme.path("type").asText() + "'.");
            }
            if (!scheme.path("name").isTextual() || scheme.path("name").asText().isBlank()) {
                error(at + ".name", "an apiKey scheme needs the name of the header (or query parameter) it reads.");
            }
            String in = scheme.path("in").asText();
            if (!in.equals("header") && !in.equals("query")) {
                error(at + ".in", "'" + in + "': API Gateway reads keys and tokens from a header or the query string.");
            }
            JsonNode authorizer = scheme.get("x-amazon-apigateway-authorizer");
            String authType = scheme.path("x-amazon-apigateway-authtype").asText("");
            if (authorizer != null) {
                authorizer(authorizer, at + ".x-amazon-apigateway-authorizer");
            } else if (authType.equals("custom") || authType.equals("cognito_user_pools")) {
                error(at, "x-amazon-apigateway-authtype is '" + authType + "' but the scheme has no "
                        + "x-amazon-apigateway-authorizer.");
            } else if (authType.equals("awsSigv4") && !"Authorization".equals(scheme.path("name").asText())) {
                error(at + ".name", "an awsSigv4 scheme reads the Authorization header; name it 'Authorization'.");
            }
        }
    }

    private void authorizer(JsonNode authorizer, String at) {
        fields(authorizer, AUTHORIZER_FIELDS, at);
        String type = authorizer.path("type").asText("").toLowerCase(Locale.ROOT);
        switch (type) {
            case "token", "request" -> {
                if (!authorizer.has("authorizerUri")) {
                    error(at, "a " + type + " authorizer needs authorizerUri, the Lambda invocation URI of its function.");
                } else {
                    lambdaUri(authorizer.get("authorizerUri").asText(), at + ".authorizerUri");
                }
                if (type.equals("request") && authorizer.has("identityValidationExpression")) {
                    warning(at + ".identityValidationExpression", "only TOKEN authorizers use identityValidationExpression.");
                }
                if (authorizer.has("identitySource")) {
                    for (String source : authorizer.get("identitySource").asText().split(",")) {
                        if (!IDENTITY_SOURCE.matcher(source.trim()).matches()) {
                            error(at + ".identitySource", "'" + source.trim() + "' is not an identity source API Gateway "
                                    + "accepts (method.request.header|querystring.<name>, stageVariables.<name>, context.<name>).");
                        }
                    }
                } else if (type.equals("request") && authorizer.path("authorizerResultTtlInSeconds").asInt(300) > 0) {
                    error(at, "a REQUEST authorizer that caches results needs identitySource to key the cache on.");
                }
            }
            case "cognito_user_pools" -> {
                JsonNode arns = authorizer.path("providerARNs");
                if (!arns.isArray() || arns.isEmpty()) {
                    error(at, "a cognito_user_pools authorizer needs providerARNs, the ARNs of its user pools.");
                }
                for (int i = 0; i < arns.size(); i++) {
                    String arn = arns.get(i).asText();
                    if (!COGNITO_POOL_ARN.matcher(arn).matches() && !deployTimeOk(arn, "AWS::Cognito::UserPool")) {
                        error(at + ".providerARNs[" + i + "]", "'" + arn + "' is not the ARN of a Cognito user pool.");
                    }
                }
            }
            default -> error(at + ".type", "'" + authorizer.path("type").asText() + "' is not a REST API authorizer type "
                    + "(token, request or cognito_user_pools).");
        }
        JsonNode ttl = authorizer.get("authorizerResultTtlInSeconds");
        if (ttl != null && !(ttl.canConvertToInt() && ttl.asInt() >= 0 && ttl.asInt() <= 3600
                || ttl.isTextual() && ttl.asText().matches("\\d{1,4}") && Integer.parseInt(ttl.asText()) <= 3600)) {
            error(at + ".authorizerResultTtlInSeconds", "expected 0 to 3600 seconds, got " + ttl + ".");
        }
        JsonNode credentials = authorizer.get("authorizerCredentials");
        if (credentials != null && !IAM_ROLE_ARN.matcher(credentials.asText()).matches()
                && !deployTimeOk(credentials.asText(), "AWS::IAM::Role")) {
            error(at + ".authorizerCredentials", "'" + credentials.asText() + "' is not the ARN of an IAM role.");
        }
    }

    // ---- Schemas (JSON Schema draft 4 with API Gateway's exceptions) ---------------------------

    private void schemas(JsonNode document) {
        for (Map.Entry<String, JsonNode> s : iterable(document.path("components").path("schemas"))) {
            String at = "components.schemas." + s.getKey();
            if (!MODEL_NAME.matcher(s.getKey()).matches()) {
                error(at, "API Gateway model names may only contain letters and digits.");
            }
            schema(s.getValue(), at);
        }
        refs(document, "");
    }

    /** External $refs: API Gateway resolves only references inside the document. */
    private void refs(JsonNode node, String at) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
                error(at + ".$ref", "'" + ref.asText() + "' points outside the document; API Gateway resolves only "
                        + "references inside it (#/components/...).");
            }
            node.properties().forEach(f -> refs(f.getValue(), at.isEmpty() ? f.getKey() : at + "." + f.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refs(node.get(i), at + "[" + i + "]");
            }
        }
    }

    private void schema(JsonNode schema, String at) {
        if (!schema.isObject()) {
            return;
        }
        if (schema.has("discriminator")) {
            error(at + ".discriminator", "API Gateway does not support discriminator in any schema.");
        }
        if (schema.has("example")) {
            error(at + ".example", "API Gateway does not support the example keyword in models; remove it.");
        }
        if (schema.has("exclusiveMinimum")) {
            error(at + ".exclusiveMinimum", "API Gateway does not support exclusiveMinimum; use minimum.");
        }
        if (schema.has("readOnly")) {
            error(at + ".readOnly", "API Gateway does not support readOnly in models.");
        }
        String type = schema.path("type").asText("");
        String format = schema.path("format").asText("");
        if (type.equals("number") && (format.equals("int32") || format.equals("int64"))) {
            error(at + ".format", "API Gateway does not support number with format " + format + "; use type integer.");
        }
        if (format.equals("decimal")) {
            error(at + ".format", "API Gateway does not support the decimal format.");
        }
        if (schema.has("oneOf")) {
            warning(at + ".oneOf", "API Gateway cannot generate SDKs for oneOf (Swagger 2.0 imports reject it).");
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

    // ---- Paths and operations ------------------------------------------------------------------

    /** Checks the path template; returns its variable names. */
    private List<String> pathTemplate(String path, String at) {
        List<String> variables = new ArrayList<>();
        if (!path.startsWith("/")) {
            error(at, "a path starts with '/'.");
            return variables;
        }
        if (path.equals("/")) {
            return variables;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                error(at, "the path has an empty segment ('//' or a trailing '/').");
                continue;
            }
            if (!PATH_SEGMENT.matcher(segment).matches()) {
                error(at, "the segment '" + segment + "' has characters API Gateway does not allow in paths (letters, digits, "
                        + "._,:- only), or a variable that is not a whole segment.");
                continue;
            }
            Matcher m = PATH_VARIABLE.matcher(segment);
            if (m.matches()) {
                if (variables.contains(m.group(1))) {
                    error(at, "the variable {" + m.group(1) + "} appears twice.");
                }
                variables.add(m.group(1));
                if (!m.group(2).isEmpty() && i != segments.length - 1) {
                    error(at, "the greedy variable {" + m.group(1) + "+} must be the last segment.");
                }
            }
        }
        return variables;
    }

    private void operation(JsonNode document, String path, List<String> variables, JsonNode item, JsonNode operation,
            String at) {
        operation.fieldNames().forEachRemaining(f -> unknownExtension(f, OPERATION_EXTENSIONS, at));
        security(document, operation.get("security"), at + ".security");
        validatorName(document, operation.get("x-amazon-apigateway-request-validator"),
                at + ".x-amazon-apigateway-request-validator");
        if (operation.path("deprecated").asBoolean(false)) {
            warning(at + ".deprecated", "API Gateway ignores deprecated (and drops it from exports).");
        }
        Set<String> declared = new HashSet<>();
        List<JsonNode> parameters = new ArrayList<>();
        item.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            String in = parameter.path("in").asText();
            String name = parameter.path("name").asText();
            declared.add(in + "." + name);
            if (in.equals("path") && !variables.contains(name)) {
                error(at + ".parameters", "the path parameter '" + name + "' is not a variable of " + path + ".");
            }
            if (in.equals("cookie")) {
                warning(at + ".parameters", "API Gateway REST APIs ignore cookie parameters ('" + name + "').");
            }
            if (parameter.has("schema")) {
                schema(parameter.get("schema"), at + ".parameters." + name + ".schema");
            }
        }
        JsonNode body = operation.path("requestBody").path("content");
        for (Map.Entry<String, JsonNode> c : iterable(body)) {
            schema(c.getValue().path("schema"), at + ".requestBody.content." + c.getKey() + ".schema");
        }
        for (Map.Entry<String, JsonNode> r : iterable(operation.path("responses"))) {
            for (Map.Entry<String, JsonNode> c : iterable(r.getValue().path("content"))) {
                JsonNode schema = c.getValue().path("schema");
                String type = schema.path("type").asText("");
                String where = at + ".responses." + r.getKey() + ".content." + c.getKey() + ".schema";
                if (!schema.has("$ref") && Set.of("string", "number", "integer", "boolean").contains(type)) {
                    error(where, "in method responses API Gateway needs an object (or a $ref to a model), not an inline "
                            + type + ".");
                }
                schema(schema, where);
            }
        }
        JsonNode integration = operation.get(INTEGRATION);
        if (integration == null) {
            error(at, "the operation has no x-amazon-apigateway-integration, so API Gateway would refuse to deploy "
                    + "the API (\"No integration defined for method\").");
            return;
        }
        integration(integration, at + "." + INTEGRATION, declared, operation.path("responses"));
    }

    private void security(JsonNode document, JsonNode security, String at) {
        if (security == null) {
            return; // whether that is allowed is the posture check's business
        }
        if (!security.isArray()) {
            error(at, "expected a list of security requirements.");
            return;
        }
        if (security.size() > 1) {
            error(at, "the operation offers " + security.size() + " alternative security requirements; API Gateway "
                    + "applies one authorizer per method. Keep one requirement object.");
        }
        JsonNode schemes = document.path("components").path("securitySchemes");
        for (int i = 0; i < security.size(); i++) {
            List<String> authorizers = new ArrayList<>();
            for (Map.Entry<String, JsonNode> requirement : iterable(security.get(i))) {
                String name = requirement.getKey();
                JsonNode scheme = schemes.get(name);
                if (scheme == null) {
                    error(at + "[" + i + "]." + name, "names security scheme '" + name
                            + "', which components.securitySchemes does not define."
                            + Names.suggestion(name, fieldNames(schemes)));
                    continue;
                }
                boolean apiKey = !scheme.has("x-amazon-apigateway-authorizer")
                        && !scheme.has("x-amazon-apigateway-authtype") && "x-api-key".equalsIgnoreCase(scheme.path("name").asText());
                if (!apiKey) {
                    authorizers.add(name);
                }
                String authorizerType = scheme.path("x-amazon-apigateway-authorizer").path("type").asText("");
                if (requirement.getValue().size() > 0 && !authorizerType.equalsIgnoreCase("cognito_user_pools")) {
                    warning(at + "[" + i + "]." + name, "API Gateway applies authorization scopes only with Cognito user "
                            + "pool authorizers; these are ignored.");
                }
            }
            if (authorizers.size() > 1) {
                error(at + "[" + i + "]", "the requirement combines " + authorizers + "; a method has one authorizer "
                        + "(plus, optionally, an API key).");
            }
        }
    }

    private void integration(JsonNode integration, String at, Set<String> declared, JsonNode methodResponses) {
        fields(integration, INTEGRATION_FIELDS, at);
        String type = integration.path("type").asText("").toLowerCase(Locale.ROOT);
        if (!INTEGRATION_TYPES.contains(type)) {
            error(at + ".type", integration.has("type") ? "'" + integration.get("type").asText()
                    + "' is not an integration type (aws, aws_proxy, http, http_proxy, mock)." : "the integration has no type.");
            return;
        }
        for (String payloadOnly : List.of("integrationSubtype", "payloadFormatVersion")) {
            if (integration.has(payloadOnly)) {
                warning(at + "." + payloadOnly, payloadOnly + " applies to HTTP APIs only; REST APIs ignore it.");
            }
        }
        String uri = integration.path("uri").asText(null);
        String httpMethod = integration.path("httpMethod").asText(null);
        if (!type.equals("mock")) {
            if (uri == null) {
                error(at, "a " + type + " integration needs a uri.");
            }
            if (httpMethod == null) {
                error(at, "a " + type + " integration needs httpMethod (the method API Gateway uses to call the backend).");
            } else if (!HTTP_METHODS.contains(httpMethod.toUpperCase(Locale.ROOT))) {
                error(at + ".httpMethod", "'" + httpMethod + "' is not an HTTP method.");
            }
        }
        if (uri != null) {
            switch (type) {
                case "aws_proxy" -> {
                    lambdaUri(uri, at + ".uri");
                    if (httpMethod != null && !httpMethod.equalsIgnoreCase("POST")) {
                        error(at + ".httpMethod", "Lambda is invoked with POST, whatever the route's method; got " + httpMethod + ".");
                    }
                }
                case "aws" -> {
                    if (uri.contains(":lambda:path/")) {
                        lambdaUri(uri, at + ".uri");
                        if (httpMethod != null && !httpMethod.equalsIgnoreCase("POST")) {
                            error(at + ".httpMethod", "Lambda is invoked with POST; got " + httpMethod + ".");
                        }
                    } else if (!AWS_SERVICE_URI.matcher(uri).matches()) {
                        error(at + ".uri", "'" + uri + "' is not an AWS service integration URI "
                                + "(arn:aws:apigateway:{region}:{service}:path|action/...).");
                    }
                }
                case "http", "http_proxy" -> httpUri(integration, uri, at);
                default -> {
                    // mock: the uri is not used
                }
            }
        }
        JsonNode credentials = integration.get("credentials");
        if (credentials != null && !IAM_ROLE_ARN.matcher(credentials.asText()).matches()
                && !CALLER_CREDENTIALS.matcher(credentials.asText()).matches()
                && !deployTimeOk(credentials.asText(), "AWS::IAM::Role")) {
            error(at + ".credentials", "'" + credentials.asText() + "' is neither the ARN of an IAM role API Gateway "
                    + "assumes nor arn:aws:iam::*:user/* (the caller's own credentials).");
        }
        if ("VPC_LINK".equalsIgnoreCase(integration.path("connectionType").asText()) && !integration.has("connectionId")) {
            error(at, "a VPC_LINK integration needs connectionId, the id of the VPC link.");
        }
        enumField(integration, "connectionType", Set.of("INTERNET", "VPC_LINK"), at);
        enumField(integration, "contentHandling", Set.of("CONVERT_TO_TEXT", "CONVERT_TO_BINARY"), at);
        enumField(integration, "passthroughBehavior", Set.of("WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER"), at);
        JsonNode timeout = integration.get("timeoutInMillis");
        if (timeout != null) {
            if (!timeout.canConvertToInt() || timeout.asInt() < 50) {
                error(at + ".timeoutInMillis", "expected at least 50 milliseconds, got " + timeout + ".");
            } else if (timeout.asInt() > 29_000) {
                warning(at + ".timeoutInMillis", timeout.asInt() + " ms is above the 29,000 ms default quota; it needs a "
                        + "quota increase (REGIONAL and PRIVATE APIs only).");
            }
        }
        JsonNode tls = integration.get("tlsConfig");
        if (tls != null) {
            fields(tls, Set.of("insecureSkipVerification"), at + ".tlsConfig");
        }
        for (Map.Entry<String, JsonNode> p : iterable(integration.path("requestParameters"))) {
            String where = at + ".requestParameters." + p.getKey();
            if (!INTEGRATION_PARAMETER.matcher(p.getKey()).matches()) {
                error(where, "'" + p.getKey() + "' is not integration.request.path|querystring|header.<name>.");
            }
            String source = p.getValue().asText();
            Matcher m = METHOD_PARAMETER.matcher(source);
            if (m.matches()) {
                String in = switch (m.group(1)) {
                    case "querystring", "multivaluequerystring" -> "query";
                    case "header", "multivalueheader" -> "header";
                    default -> "path";
                };
                if (!declared.contains(in + "." + m.group(2))) {
                    error(where, "maps " + source + ", which the operation does not declare as a " + in
                            + " parameter; API Gateway rejects the mapping (\"Invalid mapping expression\").");
                }
            } else if (!OTHER_SOURCE.matcher(source).matches()) {
                error(where, "'" + source + "' is neither a method request parameter, a quoted static value, the body, "
                        + "a context variable nor a stage variable.");
            }
        }
        templates(integration.get("requestTemplates"), at + ".requestTemplates");
        for (Map.Entry<String, JsonNode> r : iterable(integration.path("responses"))) {
            integrationResponse(r.getValue(), at + ".responses." + r.getKey(), methodResponses);
        }
    }

    private void integrationResponse(JsonNode response, String at, JsonNode methodResponses) {
        fields(response, INTEGRATION_RESPONSE_FIELDS, at);
        JsonNode status = response.get("statusCode");
        if (status == null || !STATUS_CODE.matcher(status.asText()).matches()) {
            error(at + ".statusCode", status == null ? "an integration response needs the statusCode of the method "
                    + "response it maps to." : "'" + status.asText() + "' is not an HTTP status code.");
            return;
        }
        JsonNode methodResponse = methodResponses.get(status.asText());
        if (methodResponse == null) {
            error(at + ".statusCode", "maps to status " + status.asText() + ", but the operation's responses do not declare "
                    + status.asText() + " (API Gateway: \"No method response exists for method\").");
        }
        enumField(response, "contentHandling", Set.of("CONVERT_TO_TEXT", "CONVERT_TO_BINARY"), at);
        for (Map.Entry<String, JsonNode> p : iterable(response.path("responseParameters"))) {
            String where = at + ".responseParameters." + p.getKey();
            Matcher target = RESPONSE_TARGET.matcher(p.getKey());
            if (!target.matches()) {
                error(where, "'" + p.getKey() + "' is not method.response.header.<name>.");
            } else if (methodResponse != null && !hasHeader(methodResponse, target.group(1))) {
                error(where, "sets header " + target.group(1) + ", which the " + status.asText()
                        + " response does not declare in its headers; API Gateway rejects the mapping.");
            }
            if (!RESPONSE_SOURCE.matcher(p.getValue().asText()).matches()) {
                error(where, "'" + p.getValue().asText() + "' is neither a quoted static value ('...') nor "
                        + "integration.response.header|body..., a context or a stage variable.");
            }
        }
        templates(response.get("responseTemplates"), at + ".responseTemplates");
    }

    private static boolean hasHeader(JsonNode methodResponse, String header) {
        for (Map.Entry<String, JsonNode> h : iterable(methodResponse.path("headers"))) {
            if (h.getKey().equalsIgnoreCase(header)) {
                return true;
            }
        }
        return false;
    }

    private void templates(JsonNode templates, String at) {
        if (templates == null) {
            return;
        }
        if (!templates.isObject()) {
            error(at, "expected a map of content type to mapping template.");
            return;
        }
        for (Map.Entry<String, JsonNode> t : iterable(templates)) {
            if (!t.getValue().isTextual()) {
                error(at + "." + t.getKey(), "a mapping template is a string.");
            } else if (t.getValue().asText().length() > 300 * 1024) {
                error(at + "." + t.getKey(), "the mapping template is over API Gateway's 300 KB limit.");
            }
        }
    }

    private void lambdaUri(String uri, String at) {
        if (DeployTimeValues.placeholder(uri) != null && DeployTimeValues.placeholder(uri).unknown()) {
            return; // the whole URI comes from outside the template
        }
        Matcher m = LAMBDA_URI.matcher(uri);
        if (!m.matches()) {
            error(at, "'" + uri + "' is not a Lambda invocation URI; expected "
                    + "arn:{partition}:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations.");
            return;
        }
        String function = m.group(3);
        if (LAMBDA_FUNCTION_ARN.matcher(function).matches()) {
            return;
        }
        DeployTimeValues.Placeholder value = DeployTimeValues.placeholder(function);
        if (value == null) {
            error(at, "'" + function + "' is not a Lambda function ARN (arn:aws:lambda:{region}:{account}:function:{name}).");
        } else if (value.kind().equals("ref") && value.resourceType().equals("AWS::Lambda::Function")) {
            error(at, "the function is given as Ref " + value.name() + ", which is its name; API Gateway needs its ARN: "
                    + "use Fn::GetAtt " + value.name() + ".Arn.");
        } else if (!value.unknown() && !(value.kind().equals("arn") && value.resourceType().startsWith("AWS::Lambda::"))) {
            error(at, "the function is given as the " + value.kind() + " of " + value.name() + " (" + value.resourceType()
                    + "), not as the ARN of a Lambda function, version or alias.");
        }
    }

    private void httpUri(JsonNode integration, String uri, String at) {
        if (DeployTimeValues.hasPlaceholder(uri)) {
            String literal = uri.substring(0, uri.indexOf("{{"));
            if (!literal.isEmpty() && !literal.startsWith("http://") && !literal.startsWith("https://")) {
                error(at + ".uri", "'" + uri + "' does not start with http:// or https://.");
            }
            return;
        }
        if (!uri.startsWith("https://") && !uri.startsWith("http://")) {
            error(at + ".uri", "'" + uri + "' is not an absolute http:// or https:// URL.");
            return;
        }
        Matcher m = PATH_VARIABLE.matcher(uri);
        Set<String> mapped = new LinkedHashSet<>();
        integration.path("requestParameters").fieldNames().forEachRemaining(mapped::add);
        while (m.find()) {
            String name = m.group(1);
            if (!mapped.contains("integration.request.path." + name)) {
                error(at + ".uri", "the URL uses {" + name + "}, but requestParameters does not map "
                        + "integration.request.path." + name + ".");
            }
        }
    }

    private boolean deployTimeOk(String value, String expectedType) {
        DeployTimeValues.Placeholder p = DeployTimeValues.placeholder(value);
        return p != null && (p.unknown() || p.kind().equals("arn") && p.resourceType().equals(expectedType));
    }

    // ---- Helpers ---------------------------------------------------------------------------------

    private void enumField(JsonNode object, String field, Set<String> allowed, String at) {
        JsonNode value = object.get(field);
        if (value != null && !allowed.contains(value.asText().toUpperCase(Locale.ROOT))) {
            error(at + "." + field, "'" + value.asText() + "' is not one of " + new java.util.TreeSet<>(allowed) + ".");
        }
    }

    /** Reports fields of {@code object} that are not in {@code known}. */
    private void fields(JsonNode object, Set<String> known, String at) {
        if (!object.isObject()) {
            error(at, "expected an object.");
            return;
        }
        object.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                error(at + "." + f, "'" + f + "' is not a field API Gateway knows here." + Names.suggestion(f, known));
            }
        });
    }

    /** Reports an x-amazon-apigateway-* key that is not one of {@code allowed} at this level. */
    private void unknownExtension(String key, Set<String> allowed, String at) {
        if (key.startsWith("x-amazon-apigateway-") && !allowed.contains(key)) {
            error(at.isEmpty() ? key : at + "." + key, "'" + key + "' is not an API Gateway extension "
                    + (allowed.isEmpty() ? "allowed here" : "of this object") + "." + Names.suggestion(key, allowed));
        }
    }

    private static boolean allText(JsonNode array) {
        if (!array.isArray()) {
            return false;
        }
        for (JsonNode e : array) {
            if (!e.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node.properties();
    }

    private void error(String path, String message) {
        findings.add(new Finding(check, Severity.ERROR, subject, path, message));
    }

    private void warning(String path, String message) {
        findings.add(new Finding(check, Severity.WARNING, subject, path, message));
    }
}
