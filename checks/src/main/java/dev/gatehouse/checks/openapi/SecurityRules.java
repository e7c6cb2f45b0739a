package dev.gatehouse.checks.openapi;

import static dev.gatehouse.checks.openapi.RuleFindings.fieldNames;
import static dev.gatehouse.checks.openapi.RuleFindings.iterable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.checks.internal.Names;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Security schemes (API Gateway's authorizers are {@code apiKey} schemes with
 * {@code x-amazon-apigateway-authtype} and {@code x-amazon-apigateway-authorizer}) and the
 * security requirements of operations.
 */
final class SecurityRules {
    private static final Set<String> SCHEME_EXTENSIONS = Set.of("x-amazon-apigateway-authtype",
            "x-amazon-apigateway-authorizer");
    private static final Set<String> AUTHORIZER_FIELDS = Set.of("type", "authorizerUri", "authorizerCredentials",
            "identitySource", "identityValidationExpression", "authorizerResultTtlInSeconds", "providerARNs",
            "authorizerPayloadFormatVersion", "enableSimpleResponses", "jwtConfiguration");
    private static final Pattern COGNITO_POOL_ARN = Pattern.compile(
            "arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\\d{12}:userpool/[A-Za-z0-9_-]+");
    private static final Pattern IAM_ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");
    private static final Pattern IDENTITY_SOURCE = Pattern.compile(
            "method\\.request\\.(header|querystring|multivalueheader|multivaluequerystring)\\.[^\\s,]+"
                    + "|stageVariables\\.[A-Za-z0-9_]+|context\\.[A-Za-z0-9._]+");

    private final RuleFindings out;
    private final IntegrationRules integrations;

    SecurityRules(RuleFindings out, IntegrationRules integrations) {
        this.out = out;
        this.integrations = integrations;
    }

    void securitySchemes(JsonNode document) {
        if (document.has("securityDefinitions")) {
            out.warning("securityDefinitions", "an OpenAPI 3.0 document declares security schemes in "
                    + "components.securitySchemes; the import ignores Swagger 2.0's securityDefinitions here. "
                    + "Fix: move them to components.securitySchemes.");
        }
        for (Map.Entry<String, JsonNode> s : iterable(document.path("components").path("securitySchemes"))) {
            scheme(s.getValue(), "components.securitySchemes." + s.getKey());
        }
    }

    private void scheme(JsonNode scheme, String at) {
        scheme.fieldNames().forEachRemaining(f -> out.unknownExtension(f, SCHEME_EXTENSIONS, at));
        if (!"apiKey".equals(scheme.path("type").asText())) {
            out.error(at + ".type", "API Gateway REST APIs accept only security schemes of type apiKey (IAM, Lambda and "
                    + "Cognito authorizers are apiKey schemes with x-amazon-apigateway-* extensions), not '"
                    + scheme.path("type").asText() + "'.");
        }
        if (!scheme.path("name").isTextual() || scheme.path("name").asText().isBlank()) {
            out.error(at + ".name", "an apiKey scheme needs the name of the header (or query parameter) it reads.");
        }
        String in = scheme.path("in").asText();
        if (!in.equals("header") && !in.equals("query")) {
            out.error(at + ".in", "'" + in + "': API Gateway reads keys and tokens from a header or the query string.");
        }
        JsonNode authorizer = scheme.get("x-amazon-apigateway-authorizer");
        String authType = scheme.path("x-amazon-apigateway-authtype").asText("");
        if (authorizer != null) {
            authorizer(authorizer, at + ".x-amazon-apigateway-authorizer");
        } else if (authType.equals("custom") || authType.equals("cognito_user_pools")) {
            out.error(at, "x-amazon-apigateway-authtype is '" + authType + "' but the scheme has no "
                    + "x-amazon-apigateway-authorizer.");
        } else if (authType.equals("awsSigv4") && !"Authorization".equals(scheme.path("name").asText())) {
            out.error(at + ".name", "an awsSigv4 scheme reads the Authorization header; name it 'Authorization'.");
        }
    }

    private void authorizer(JsonNode authorizer, String at) {
        out.fields(authorizer, AUTHORIZER_FIELDS, at);
        String type = authorizer.path("type").asText("").toLowerCase(Locale.ROOT);
        switch (type) {
            case "token", "request" -> lambdaAuthorizer(authorizer, type, at);
            case "cognito_user_pools" -> {
                JsonNode arns = authorizer.path("providerARNs");
                if (!arns.isArray() || arns.isEmpty()) {
                    out.error(at, "a cognito_user_pools authorizer needs providerARNs, the ARNs of its user pools.");
                }
                for (int i = 0; i < arns.size(); i++) {
                    String arn = arns.get(i).asText();
                    if (!COGNITO_POOL_ARN.matcher(arn).matches() && !DeployTimeValues.isArnOf(arn, "AWS::Cognito::UserPool")) {
                        out.error(at + ".providerARNs[" + i + "]", "'" + arn + "' is not the ARN of a Cognito user pool.");
                    }
                }
            }
            default -> out.error(at + ".type", "'" + authorizer.path("type").asText() + "' is not a REST API authorizer "
                    + "type (token, request or cognito_user_pools).");
        }
        JsonNode ttl = authorizer.get("authorizerResultTtlInSeconds");
        if (ttl != null && !RuleFindings.deployTime(ttl) && !(ttl.canConvertToInt() && ttl.asInt() >= 0 && ttl.asInt() <= 3600
                || ttl.isTextual() && ttl.asText().matches("\\d{1,4}") && Integer.parseInt(ttl.asText()) <= 3600)) {
            out.error(at + ".authorizerResultTtlInSeconds", "expected 0 to 3600 seconds, got " + ttl + ".");
        }
        JsonNode credentials = authorizer.get("authorizerCredentials");
        if (credentials != null && !IAM_ROLE_ARN.matcher(credentials.asText()).matches()
                && !DeployTimeValues.isArnOf(credentials.asText(), "AWS::IAM::Role")) {
            out.error(at + ".authorizerCredentials", "'" + credentials.asText() + "' is not the ARN of an IAM role.");
        }
    }

    private void lambdaAuthorizer(JsonNode authorizer, String type, String at) {
        if (!authorizer.has("authorizerUri")) {
            out.error(at, "a " + type + " authorizer needs authorizerUri, the Lambda invocation URI of its function.");
        } else {
            integrations.lambdaUri(authorizer.get("authorizerUri").asText(), at + ".authorizerUri");
        }
        if (type.equals("request") && authorizer.has("identityValidationExpression")) {
            out.warning(at + ".identityValidationExpression", "only TOKEN authorizers use identityValidationExpression.");
        }
        if (authorizer.has("identitySource")) {
            for (String source : authorizer.get("identitySource").asText().split(",")) {
                if (!IDENTITY_SOURCE.matcher(source.trim()).matches()) {
                    out.error(at + ".identitySource", "'" + source.trim() + "' is not an identity source API Gateway "
                            + "accepts (method.request.header|querystring.<name>, stageVariables.<name>, context.<name>).");
                }
            }
        } else if (type.equals("request") && authorizer.path("authorizerResultTtlInSeconds").asInt(300) > 0) {
            out.error(at, "a REQUEST authorizer that caches results needs identitySource to key the cache on.");
        }
    }

    /**
     * An operation's {@code security}. API Gateway gives a method one authorizer and, optionally,
     * requires an API key: the import reads the requirement objects together, so
     * {@code [{"authorizer": []}, {"api_key": []}]} (SAM's form) is a method with that authorizer
     * that also requires a key. Alternatives naming different authorizers cannot all apply.
     */
    void requirements(JsonNode document, JsonNode security, String at) {
        if (security == null) {
            return; // whether that is allowed is the posture check's business
        }
        if (!security.isArray()) {
            out.error(at, "expected a list of security requirements.");
            return;
        }
        JsonNode schemes = document.path("components").path("securitySchemes");
        Set<String> authorizers = new LinkedHashSet<>();
        for (int i = 0; i < security.size(); i++) {
            List<String> together = new ArrayList<>();
            for (Map.Entry<String, JsonNode> requirement : iterable(security.get(i))) {
                String name = requirement.getKey();
                JsonNode scheme = schemes.get(name);
                String where = at + "[" + i + "]." + name;
                if (scheme == null) {
                    out.warning(where, "names security scheme '" + name + "', which components.securitySchemes does not "
                            + "define, so API Gateway cannot apply it to the method." + Names.suggestion(name, fieldNames(schemes)));
                    continue;
                }
                if (!isApiKey(scheme)) {
                    together.add(name);
                }
                String authorizerType = scheme.path("x-amazon-apigateway-authorizer").path("type").asText("");
                if (requirement.getValue().size() > 0 && !authorizerType.equalsIgnoreCase("cognito_user_pools")) {
                    out.warning(where, "API Gateway applies authorization scopes only with Cognito user pool authorizers; "
                            + "these are ignored.");
                }
            }
            if (together.size() > 1) {
                out.error(at + "[" + i + "]", "the requirement combines " + together + "; a method has one authorizer "
                        + "(plus, optionally, an API key).");
            }
            authorizers.addAll(together);
        }
        if (authorizers.size() > 1 && security.size() > 1) {
            out.warning(at, "the alternatives name " + authorizers.size() + " authorizers " + authorizers + ", but API "
                    + "Gateway gives a method one authorizer, so they cannot all apply. Fix: keep one authorizer (plus, "
                    + "optionally, the API key).");
        }
    }

    /** An API key requirement: a plain apiKey scheme reading x-api-key, not an authorizer. */
    private static boolean isApiKey(JsonNode scheme) {
        return !scheme.has("x-amazon-apigateway-authorizer") && !scheme.has("x-amazon-apigateway-authtype")
                && "x-api-key".equalsIgnoreCase(scheme.path("name").asText());
    }
}
