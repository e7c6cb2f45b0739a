package dev.gatehouse.integrations;

/**
 * What a non-proxy integration does with a request whose {@code Content-Type} has no request
 * template ({@code passthroughBehavior}): API Gateway's three behaviours
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-passthrough-behaviors.html).
 */
public enum TemplatePassthrough {
    /** Unmatched content types pass through to the backend untransformed. */
    WHEN_NO_MATCH,
    /**
     * Unmatched content types are rejected with 415 Unsupported Media Type when the integration
     * has request templates; without any template every request passes through. The behaviour the
     * API Gateway console recommends.
     */
    WHEN_NO_TEMPLATES,
    /** Unmatched content types are rejected with 415 Unsupported Media Type, even without templates. */
    NEVER
}
