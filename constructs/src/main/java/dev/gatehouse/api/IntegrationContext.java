package dev.gatehouse.api;

import dev.gatehouse.rules.Rule;

/** What an {@link Integration} sees while it is bound to one route. */
public interface IntegrationContext {

    /** The API the route belongs to. */
    GatewayApi getApi();

    /** The route being bound. */
    Route getRoute();

    /** Reports a problem with this route's integration; it fails synthesis with the others. */
    void report(Rule rule, String problem, String fix);
}
