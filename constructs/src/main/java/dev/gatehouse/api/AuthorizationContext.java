package dev.gatehouse.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.rules.Rule;
import java.util.function.Supplier;

/** What an {@link Authorization} sees while it is bound to one route. */
public interface AuthorizationContext {

    /** The API the route belongs to. */
    GatewayApi getApi();

    /** The route being bound. */
    Route getRoute();

    /**
     * Registers a {@code components.securitySchemes} entry once per API for {@code owner} (an
     * authorizer) and returns its name: {@code preferredName}, or a variant of it if another owner
     * already uses that name. {@code scheme} is only called the first time.
     */
    String securityScheme(Object owner, String preferredName, Supplier<ObjectNode> scheme);

    /** True once {@code owner} has registered its security scheme with this API. */
    boolean hasSecurityScheme(Object owner);

    /** Reports a problem with this route's authorization; it fails synthesis with the others. */
    void report(Rule rule, String problem, String fix);
}
