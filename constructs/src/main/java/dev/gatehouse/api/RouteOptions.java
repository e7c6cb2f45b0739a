package dev.gatehouse.api;

/** Options of one route. */
public interface RouteOptions {

    /**
     * Who may call the route.
     *
     * @default the API's {@link GatewayApiProps#getDefaultAuthorization() default authorization};
     *     public for OPTIONS routes (browsers send CORS preflights without credentials); otherwise
     *     none, which is a synth error (rule GH110) — use {@link Authorization#none()} to make a
     *     route public on purpose
     */
    default Authorization getAuthorization() {
        return null;
    }

    /**
     * Callers must send an API key of a usage plan that includes this API's stage, in the
     * {@code x-api-key} header (or from the authorizer, see {@link GatewayApiProps#getApiKeySource()}).
     *
     * @default {@value dev.gatehouse.Defaults#API_KEY_REQUIRED}
     */
    default Boolean getApiKeyRequired() {
        return null;
    }

    /**
     * Throttling for this route alone, overriding the stage's. A limit left out here is taken
     * from the stage.
     *
     * @default the stage's throttling
     */
    default Throttle getThrottle() {
        return null;
    }

    /**
     * Response caching for this route: on or off, TTL, cache key, invalidation. Settings left out
     * come from the stage's ({@link StageSettings#getCaching()}).
     *
     * @default the stage's caching: GET routes are cached only if the stage caches GET routes
     */
    default CacheSettings getCaching() {
        return null;
    }

    /**
     * OpenAPI {@code operationId}, unique within the API.
     *
     * @default none
     */
    default String getOperationId() {
        return null;
    }

    /**
     * OpenAPI {@code summary} of the operation.
     *
     * @default none
     */
    default String getSummary() {
        return null;
    }

    /**
     * Request validation: body models, required query string parameters and headers, and the
     * validator that checks them.
     *
     * @default the API's validator (body and parameters) with no model and no required parameter
     */
    default RequestValidation getRequestValidation() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Options with only an authorization. */
    static RouteOptions of(Authorization authorization) {
        return builder().authorization(authorization).build();
    }

    /** Builds {@link RouteOptions}. */
    final class Builder {
        Authorization authorization;
        Boolean apiKeyRequired;
        Throttle throttle;
        CacheSettings caching;
        String operationId;
        String summary;
        RequestValidation requestValidation;

        private Builder() {
        }

        public Builder authorization(Authorization authorization) {
            this.authorization = authorization;
            return this;
        }

        public Builder apiKeyRequired(Boolean apiKeyRequired) {
            this.apiKeyRequired = apiKeyRequired;
            return this;
        }

        public Builder throttle(Throttle throttle) {
            this.throttle = throttle;
            return this;
        }

        public Builder caching(CacheSettings caching) {
            this.caching = caching;
            return this;
        }

        public Builder operationId(String operationId) {
            this.operationId = operationId;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder requestValidation(RequestValidation requestValidation) {
            this.requestValidation = requestValidation;
            return this;
        }

        public RouteOptions build() {
            return new RouteOptionsValue(this);
        }
    }
}

final class RouteOptionsValue implements RouteOptions {
    private final Authorization authorization;
    private final Boolean apiKeyRequired;
    private final Throttle throttle;
    private final CacheSettings caching;
    private final String operationId;
    private final String summary;
    private final RequestValidation requestValidation;

    RouteOptionsValue(RouteOptions.Builder b) {
        this.authorization = b.authorization;
        this.apiKeyRequired = b.apiKeyRequired;
        this.throttle = b.throttle;
        this.caching = b.caching;
        this.operationId = b.operationId;
        this.summary = b.summary;
        this.requestValidation = b.requestValidation;
    }

    @Override public Authorization getAuthorization() { return authorization; }
    @Override public Boolean getApiKeyRequired() { return apiKeyRequired; }
    @Override public Throttle getThrottle() { return throttle; }
    @Override public CacheSettings getCaching() { return caching; }
    @Override public String getOperationId() { return operationId; }
    @Override public String getSummary() { return summary; }
    @Override public RequestValidation getRequestValidation() { return requestValidation; }
}
