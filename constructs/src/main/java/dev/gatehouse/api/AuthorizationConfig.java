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

    /** One security scheme of the requirement, with the scopes the route needs from it. */
    public record Requirement(String schemeName, List<String> scopes) {
        public Requirement {
            Objects.requireNonNull(schemeName, "schemeName");
            scopes = List.copyOf(scopes);
        }
    }

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
