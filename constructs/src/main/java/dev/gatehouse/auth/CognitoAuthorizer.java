package dev.gatehouse.auth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.AuthorizationConfig;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.cognito.IUserPool;

/**
 * Amazon Cognito user pools as the authorizer. API Gateway validates the token itself: without
 * scopes a route accepts an ID token of one of the pools; with scopes it requires an access token
 * that carries at least one of them.
 *
 * <pre>{@code
 * CognitoAuthorizer cognito = CognitoAuthorizer.of(userPool);
 * api.route("GET /me", integration, RouteOptions.of(cognito.requireScopes("profile/read")));
 * }</pre>
 */
public final class CognitoAuthorizer {
    private final List<IUserPool> userPools;
    private final String name;
    private final String headerName;

    private CognitoAuthorizer(List<IUserPool> userPools, String name, String headerName) {
        if (userPools.isEmpty()) {
            throw new IllegalArgumentException("CognitoAuthorizer needs at least one user pool.");
        }
        this.userPools = List.copyOf(userPools);
        this.name = Objects.requireNonNull(name, "name");
        this.headerName = Objects.requireNonNull(headerName, "headerName");
    }

    /** An authorizer for tokens of these user pools, read from the Authorization header. */
    public static CognitoAuthorizer of(IUserPool... userPools) {
        if (userPools == null) {
            throw new IllegalArgumentException("CognitoAuthorizer.of(...): no user pools were given (null). Pass "
                    + "the pools whose tokens the routes accept, e.g. CognitoAuthorizer.of(userPool), or "
                    + "UserPool.fromUserPoolId(this, \"Pool\", \"us-east-1_AbCdEf123\") for an existing one.");
        }
        for (int i = 0; i < userPools.length; i++) {
            if (userPools[i] == null) {
                throw new IllegalArgumentException("CognitoAuthorizer.of(...): user pool " + (i + 1) + " of "
                        + userPools.length + " is null. Pass the pool's construct, or "
                        + "UserPool.fromUserPoolId(this, \"Pool\", \"us-east-1_AbCdEf123\") for an existing one.");
            }
        }
        return new CognitoAuthorizer(List.of(userPools), "CognitoUserPools", "Authorization");
    }

    /** The same authorizer under another scheme name or token header. */
    public CognitoAuthorizer withName(String schemeName, String tokenHeader) {
        return new CognitoAuthorizer(userPools, schemeName, tokenHeader);
    }

    /** Routes accept an ID token of the pools. */
    public Authorization authorization() {
        return requireScopes();
    }

    /**
     * Routes accept an access token carrying at least one of {@code scopes} (API Gateway's
     * "authorization scopes"), e.g. {@code "orders/read"}.
     */
    public Authorization requireScopes(String... scopes) {
        List<String> required = List.of(scopes);
        return Authorization.requiring("Cognito user pools" + (required.isEmpty() ? "" : " with scopes " + required),
                context -> AuthorizationConfig.of(context.securityScheme(this, name, this::scheme), required));
    }

    private ObjectNode scheme() {
        ObjectNode scheme = JsonNodeFactory.instance.objectNode();
        scheme.put("type", "apiKey");
        scheme.put("name", headerName);
        scheme.put("in", "header");
        scheme.put("x-amazon-apigateway-authtype", "cognito_user_pools");
        ObjectNode authorizer = scheme.putObject("x-amazon-apigateway-authorizer");
        authorizer.put("type", "cognito_user_pools");
        ArrayNode arns = authorizer.putArray("providerARNs");
        userPools.forEach(pool -> arns.add(pool.getUserPoolArn()));
        return scheme;
    }
}
