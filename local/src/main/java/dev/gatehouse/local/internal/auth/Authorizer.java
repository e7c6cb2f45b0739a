package dev.gatehouse.local.internal.auth;

import dev.gatehouse.local.internal.pipeline.Exchange;
import dev.gatehouse.local.internal.pipeline.GatewayError;

/** How one kind of method authorization admits a request (or answers 401/403). */
interface Authorizer {
    /** Admits the request, setting {@code $context.authorizer}/{@code identity}, or refuses it. */
    void authorize(Exchange exchange) throws GatewayError;
}
