package dev.gatehouse.local.internal.pipeline;

import dev.gatehouse.local.internal.http.GatewayResult;

/**
 * The stage's response cache, between the request steps (authorization runs before it) and the
 * integration: it answers from its entries or calls the backend, and keeps what the backend
 * answered. {@link #NONE} always calls the backend (a stage without a cache cluster).
 */
public interface ResponseCache {
    /** No cache: every request reaches the integration. */
    ResponseCache NONE = (exchange, backend) -> backend.call();

    /** The integration of a routed request, called at most once. */
    @FunctionalInterface
    interface Backend {
        GatewayResult call() throws GatewayError;
    }

    /**
     * The response to an authorized request: a fresh cached one, or the backend's.
     *
     * @throws GatewayError when the backend fails, or the cache refuses the request (an
     *     unauthorized invalidation with {@code FAIL_WITH_403})
     */
    GatewayResult answer(Exchange exchange, Backend backend) throws GatewayError;
}
