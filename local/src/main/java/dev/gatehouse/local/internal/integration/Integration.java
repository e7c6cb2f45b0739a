package dev.gatehouse.local.internal.integration;

import dev.gatehouse.local.internal.http.GatewayResult;
import dev.gatehouse.local.internal.pipeline.Exchange;
import dev.gatehouse.local.internal.pipeline.GatewayError;

/**
 * The backend of one route: turns an authorized, validated request into the method response.
 * Each integration kind is its own class; see {@link Integrations} for how one is chosen.
 */
public interface Integration {
    /**
     * Calls the backend.
     *
     * @throws GatewayError when the gateway answers instead (a failed or timed-out call, a malformed
     *     backend response), with the status and message API Gateway gives
     */
    GatewayResult invoke(Exchange exchange) throws GatewayError;
}
