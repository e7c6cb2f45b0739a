package dev.gatehouse.local.internal.pipeline;

import dev.gatehouse.local.internal.http.GatewayResult;
import java.util.Optional;

/**
 * The stage's response cache, asked before the integration runs and given its response after.
 * The local gateway has no cache yet ({@link #NONE}); the stage cache cluster with per-route TTLs
 * and cache keys is to implement this interface.
 */
public interface ResponseCache {
    ResponseCache NONE = new ResponseCache() {
        @Override
        public Optional<GatewayResult> lookup(Exchange exchange) {
            return Optional.empty();
        }

        @Override
        public void store(Exchange exchange, GatewayResult result) {
            // no cache
        }
    };

    /** A cached response for the request, when caching applies and an entry is fresh. */
    Optional<GatewayResult> lookup(Exchange exchange);

    /** Offers the integration's response for caching. */
    void store(Exchange exchange, GatewayResult result);
}
