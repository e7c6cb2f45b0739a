package dev.gatehouse.local.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.local.internal.api.ApiDefinition;
import dev.gatehouse.local.internal.api.Operation;
import dev.gatehouse.local.internal.lambda.FunctionSpec;
import dev.gatehouse.local.internal.lambda.LambdaFunctions;
import dev.gatehouse.local.internal.pipeline.Exchange;
import dev.gatehouse.local.internal.pipeline.GatewayError;
import dev.gatehouse.local.internal.pipeline.RequestStep;
import dev.gatehouse.local.internal.pipeline.ResponseType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Method authorization: each route's security requirement names at most one authorizer (a
 * Lambda authorizer, IAM, or a Cognito user pool) besides the API key, which
 * {@code ApiKeyStep} checks after it.
 */
public final class AuthorizationStep implements RequestStep {
    private final Map<Operation, Authorizer> byOperation = new IdentityHashMap<>();

    /**
     * @param iamPrincipal the principal a SigV4-signed request is taken to be
     */
    public AuthorizationStep(ApiDefinition api, LambdaFunctions functions, Clock clock, String iamPrincipal) {
        AuthorizerCache cache = new AuthorizerCache(clock);
        Map<String, Authorizer> byScheme = new HashMap<>();
        JsonNode schemes = api.securitySchemes();
        for (Operation operation : api.operations()) {
            List<List<String>> security = operation.security() != null ? operation.security() : api.defaultSecurity();
            for (List<String> requirement : security) {
                for (String scheme : requirement) {
                    Authorizer authorizer = byScheme.computeIfAbsent(scheme,
                            name -> create(name, schemes.path(name), api, functions, cache, iamPrincipal).orElse(null));
                    if (authorizer != null) {
                        byOperation.put(operation, authorizer);
                    }
                }
            }
        }
    }

    @Override
    public void apply(Exchange exchange) throws GatewayError {
        Authorizer authorizer = byOperation.get(exchange.operation());
        if (authorizer != null) {
            authorizer.authorize(exchange);
        }
    }

    private static Optional<Authorizer> create(String name, JsonNode scheme, ApiDefinition api, LambdaFunctions functions,
            AuthorizerCache cache, String iamPrincipal) {
        String authType = scheme.path("x-amazon-apigateway-authtype").asText("").toLowerCase(Locale.ROOT);
        JsonNode definition = scheme.path("x-amazon-apigateway-authorizer");
        if (authType.equals("awssigv4")) {
            return Optional.of(new IamAuthorizer(iamPrincipal));
        }
        if (definition.isMissingNode()) {
            return Optional.empty(); // the API key scheme, or a scheme API Gateway ignores
        }
        String type = definition.path("type").asText("token").toLowerCase(Locale.ROOT);
        if (type.equals("cognito_user_pools")) {
            return Optional.of(exchange -> {
                if (exchange.request().headers().last(scheme.path("name").asText("Authorization")) == null) {
                    throw new GatewayError(ResponseType.UNAUTHORIZED);
                }
                throw new GatewayError(ResponseType.DEFAULT_5XX, 501, "Not implemented locally: "
                        + exchange.operation().routeKey() + ": Amazon Cognito user pool authorizer " + name
                        + " does not run locally; use a Lambda authorizer (the bundled JWT authorizer) for local runs", null);
            });
        }
        String uri = definition.path("authorizerUri").asText("");
        Optional<FunctionSpec> function = functions.byInvocationUri(uri);
        if (function.isEmpty()) {
            return Optional.of(exchange -> {
                throw new GatewayError(ResponseType.DEFAULT_5XX, 501, "Not implemented locally: "
                        + exchange.operation().routeKey() + ": authorizer " + name + " invokes " + uri
                        + ", a function that is not in this stack's template", null);
            });
        }
        boolean token = type.equals("token");
        List<String> sources = new ArrayList<>();
        String identitySource = definition.path("identitySource").asText("");
        if (!identitySource.isBlank()) {
            for (String source : identitySource.split(",")) {
                if (!source.isBlank()) {
                    sources.add(source.trim());
                }
            }
        } else if (token) {
            sources.add("method.request.header." + scheme.path("name").asText("Authorization"));
        }
        Pattern validation = null;
        String expression = definition.path("identityValidationExpression").asText("");
        if (token && !expression.isEmpty()) {
            try {
                validation = Pattern.compile(expression);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("authorizer " + name + ": identityValidationExpression '" + expression
                        + "' is not a regular expression: " + e.getDescription(), e);
            }
        }
        int ttl = definition.path("authorizerResultTtlInSeconds").asInt(300);
        return Optional.of(new LambdaAuthorizer(name, token, token ? sources.subList(0, Math.min(1, sources.size()))
                : sources, validation, ttl, function.get(), functions, cache, api));
    }
}
