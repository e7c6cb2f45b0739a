package dev.gatehouse.api;

import java.util.List;
import java.util.Objects;

/**
 * The result of binding an {@link Authorization} to a route: the security requirements of the
 * operation. Each requirement names a registered security scheme and its scopes; all of them must
 * be satisfied (OpenAPI's AND within one requirement object).
 */
public final class AuthorizationConfig {
    private static final AuthorizationConfig PUBLIC = new AuthorizationConfig(List.of());

    /**
     * One security scheme of the requirement, with the scopes the route needs from it.
     *
     * @param schemeName the security scheme's name in the document
     * @param scopes the scopes API Gateway checks (written in the operation's security
     *     requirement; only Cognito authorizers have them)
     * @param authorizerScopes the scopes the scheme's Lambda authorizer checks itself (all of
     *     them); OpenAPI requires the requirement array of an apiKey scheme to be empty, so they are
     *     shown in the operation's {@value #SCOPES_EXTENSION} extension instead. Empty by default.
     */
    public record Requirement(String schemeName, List<String> scopes, List<String> authorizerScopes) {
        public Requirement {
            Objects.requireNonNull(schemeName, "schemeName");
            scopes = List.copyOf(scopes);
            authorizerScopes = List.copyOf(authorizerScopes);
        }

        /** A requirement whose authorizer checks no scopes of its own. */
        public Requirement(String schemeName, List<String> scopes) {
            this(schemeName, scopes, List.of());
        }
    }

    /**
     * The operation extension that shows, per security scheme, the scopes its Lambda authorizer
     * requires: {@code "x-gatehouse-scopes": {"Jwt": ["orders:read"]}}. It is in the exported
     * document ({@code GatewayApi.getOpenApiDocument()}, {@code getResolvedOpenApiDocument()}),
     * not in the deployed Body: AWS does not document how API Gateway's import treats it.
     */
    public static final String SCOPES_EXTENSION = "x-gatehouse-scopes";

    private final List<Requirement> requirements;

    private AuthorizationConfig(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    /** No requirement: the route is public. */
    public static AuthorizationConfig none() {
        return PUBLIC;
    }

    /** One scheme, with scopes. */
    public static AuthorizationConfig of(String schemeName, List<String> scopes) {
        return new AuthorizationConfig(List.of(new Requirement(schemeName, scopes)));
    }

    /**
     * One scheme whose Lambda authorizer checks {@code authorizerScopes} itself (all of them): the
     * security requirement carries no scopes, the operation's {@value #SCOPES_EXTENSION} shows them.
     */
    public static AuthorizationConfig ofAuthorizerScopes(String schemeName, List<String> authorizerScopes) {
        return new AuthorizationConfig(List.of(new Requirement(schemeName, List.of(), authorizerScopes)));
    }

    /** This requirement and another one, both to be met (e.g. an authorizer and an API key). */
    public AuthorizationConfig and(Requirement other) {
        List<Requirement> all = new java.util.ArrayList<>(requirements);
        all.add(other);
        return new AuthorizationConfig(all);
    }

    public List<Requirement> getRequirements() {
        return requirements;
    }

    public boolean isPublic() {
        return requirements.isEmpty();
    }
}
