package dev.gatehouse.auth;

import java.util.Objects;

/**
 * Identity sources of a REQUEST Lambda authorizer, as API Gateway names them: where the request
 * carries what the authorizer needs. Each must be present in a request, or API Gateway answers
 * 401 without calling the authorizer; together they key its result cache.
 *
 * <pre>{@code
 * LambdaAuthorizer.request(fn)
 *         .identitySources(IdentitySources.header("X-Session"), IdentitySources.queryString("tenant"))
 *         .build();
 * }</pre>
 */
public final class IdentitySources {
    private IdentitySources() {
    }

    /** A request header, e.g. {@code header("Authorization")}: {@code method.request.header.Authorization}. */
    public static String header(String name) {
        return "method.request.header." + named(name);
    }

    /** A query string parameter: {@code method.request.querystring.<name>}. */
    public static String queryString(String name) {
        return "method.request.querystring." + named(name);
    }

    /** A stage variable: {@code stageVariables.<name>}. */
    public static String stageVariable(String name) {
        return "stageVariables." + named(name);
    }

    /** A context variable, e.g. {@code context("identity.sourceIp")}: {@code context.identity.sourceIp}. */
    public static String context(String name) {
        return "context." + named(name);
    }

    private static String named(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("An identity source needs a name, e.g. IdentitySources.header(\"Authorization\").");
        }
        return name;
    }
}
