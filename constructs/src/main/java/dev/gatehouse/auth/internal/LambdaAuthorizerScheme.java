package dev.gatehouse.auth.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.internal.HttpTokens;
import dev.gatehouse.api.internal.LambdaUris;
import dev.gatehouse.auth.LambdaAuthorizerType;
import dev.gatehouse.rules.Rule;
import dev.gatehouse.rules.Rules;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The security scheme of a Lambda (custom) authorizer: checks its settings and renders it with
 * {@code x-amazon-apigateway-authorizer}.
 */
public final class LambdaAuthorizerScheme {
    /** API Gateway caches authorizer results for at most one hour. */
    public static final int MAX_TTL_SECONDS = 3600;

    private static final Pattern IDENTITY_SOURCE = Pattern.compile(
            "method\\.request\\.(header|querystring|multivalueheader|multivaluequerystring)\\." + HttpTokens.HEADER_NAME.pattern()
                    + "|stageVariables\\.[A-Za-z0-9_]+|context\\.[A-Za-z0-9._]+");

    private LambdaAuthorizerScheme() {
    }

    /** The settings of one Lambda authorizer. */
    public record Settings(LambdaAuthorizerType type, String headerName, List<String> identitySources,
            int ttlSeconds, String validationExpression) {
        public Settings {
            identitySources = List.copyOf(identitySources);
        }
    }

    /** A problem with the settings, with its fix. */
    public record Problem(Rule rule, String problem, String fix) {
    }

    /** Every problem with {@code settings}. */
    public static List<Problem> check(Settings settings) {
        java.util.ArrayList<Problem> problems = new java.util.ArrayList<>();
        if (settings.ttlSeconds() < 0 || settings.ttlSeconds() > MAX_TTL_SECONDS) {
            problems.add(new Problem(Rules.AUTHORIZER_TTL,
                    "the authorizer's result cache TTL is " + settings.ttlSeconds() + " seconds.",
                    "choose 0 (no caching) to " + MAX_TTL_SECONDS + " seconds."));
        }
        if (settings.type() == LambdaAuthorizerType.TOKEN) {
            if (settings.headerName() == null || !HttpTokens.HEADER_NAME.matcher(settings.headerName()).matches()) {
                problems.add(new Problem(Rules.AUTHORIZER_IDENTITY_SOURCE,
                        "the token header name '" + settings.headerName() + "' is not an HTTP header name.",
                        "name the header the token arrives in, e.g. 'Authorization'."));
            }
        } else {
            for (String source : settings.identitySources()) {
                if (!IDENTITY_SOURCE.matcher(source).matches()) {
                    problems.add(new Problem(Rules.AUTHORIZER_IDENTITY_SOURCE,
                            "the identity source '" + source + "' is not one API Gateway accepts.",
                            "use IdentitySources.header(\"Authorization\"), IdentitySources.queryString(..), "
                                    + "IdentitySources.stageVariable(..) or IdentitySources.context(..)."));
                }
            }
            if (settings.ttlSeconds() > 0 && settings.identitySources().isEmpty()) {
                problems.add(new Problem(Rules.AUTHORIZER_IDENTITY_SOURCE,
                        "a REQUEST authorizer with result caching has no identity source to key the cache on.",
                        "give at least one identity source, or set the result cache TTL to 0."));
            }
        }
        return problems;
    }

    /** The {@code components.securitySchemes} entry invoking {@code functionArn}. */
    public static ObjectNode render(Settings settings, String functionArn) {
        ObjectNode scheme = JsonNodeFactory.instance.objectNode();
        scheme.put("type", "apiKey");
        scheme.put("in", "header");
        scheme.put("x-amazon-apigateway-authtype", "custom");
        ObjectNode authorizer = JsonNodeFactory.instance.objectNode();
        authorizer.put("authorizerUri", LambdaUris.invocation(functionArn));
        authorizer.put("authorizerResultTtlInSeconds", settings.ttlSeconds());
        if (settings.type() == LambdaAuthorizerType.TOKEN) {
            scheme.put("name", settings.headerName());
            authorizer.put("type", "token");
            if (settings.validationExpression() != null) {
                authorizer.put("identityValidationExpression", settings.validationExpression());
            }
        } else {
            // API Gateway ignores the name of a REQUEST authorizer's scheme; its examples use "Unused".
            scheme.put("name", "Unused");
            authorizer.put("type", "request");
            if (!settings.identitySources().isEmpty()) {
                authorizer.put("identitySource", String.join(", ", settings.identitySources()));
            }
        }
        scheme.set("x-amazon-apigateway-authorizer", authorizer);
        return scheme;
    }
}
