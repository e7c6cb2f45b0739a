package dev.gatehouse.local.internal.pipeline;

/**
 * One check a routed request passes before its integration runs (throttling, authorization, API
 * keys and usage plans, validation), in the order {@link Gateway} runs them.
 */
public interface RequestStep {
    /** Passes the request on, or answers it with a gateway response. */
    void apply(Exchange exchange) throws GatewayError;
}
