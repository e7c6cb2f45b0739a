package dev.gatehouse.api;

import java.util.List;
import software.amazon.awscdk.Duration;

/**
 * Cross-origin resource sharing for browser clients. Gatehouse answers every path's CORS
 * preflight ({@code OPTIONS}) itself, without authorization, and adds the CORS headers to API
 * Gateway's own error responses (4XX and 5XX, including an authorizer's 401 and 403). Responses of
 * Lambda and HTTP proxy routes come from the backend, which must add
 * {@code Access-Control-Allow-Origin} itself.
 */
public interface CorsPolicy {

    /**
     * Origins allowed to call the API, as {@code scheme://host[:port]}, or {@code "*"} for any.
     * Required.
     */
    List<String> getAllowOrigins();

    /**
     * Methods allowed in preflight answers.
     *
     * @default the methods declared on each path (plus OPTIONS)
     */
    default List<HttpMethod> getAllowMethods() {
        return null;
    }

    /**
     * Request headers a browser may send.
     *
     * @default {@link dev.gatehouse.Defaults#CORS_ALLOW_HEADERS}: Content-Type, Authorization, X-Api-Key,
     *     X-Amz-Date, X-Amz-Security-Token
     */
    default List<String> getAllowHeaders() {
        return null;
    }

    /**
     * Response headers a browser may read besides the CORS-safelisted ones.
     *
     * @default none
     */
    default List<String> getExposeHeaders() {
        return null;
    }

    /**
     * Let browsers send cookies and HTTP authentication. Not allowed with origin {@code "*"}
     * (rule GH420).
     *
     * @default {@value dev.gatehouse.Defaults#CORS_ALLOW_CREDENTIALS}
     */
    default Boolean getAllowCredentials() {
        return null;
    }

    /**
     * How long browsers may cache a preflight answer.
     *
     * @default {@value dev.gatehouse.Defaults#CORS_MAX_AGE_SECONDS} seconds
     */
    default Duration getMaxAge() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CorsPolicy}. */
    final class Builder {
        List<String> allowOrigins;
        List<HttpMethod> allowMethods;
        List<String> allowHeaders;
        List<String> exposeHeaders;
        Boolean allowCredentials;
        Duration maxAge;

        private Builder() {
        }

        public Builder allowOrigins(List<String> allowOrigins) {
            this.allowOrigins = allowOrigins;
            return this;
        }

        public Builder allowMethods(List<HttpMethod> allowMethods) {
            this.allowMethods = allowMethods;
            return this;
        }

        public Builder allowHeaders(List<String> allowHeaders) {
            this.allowHeaders = allowHeaders;
            return this;
        }

        public Builder exposeHeaders(List<String> exposeHeaders) {
            this.exposeHeaders = exposeHeaders;
            return this;
        }

        public Builder allowCredentials(Boolean allowCredentials) {
            this.allowCredentials = allowCredentials;
            return this;
        }

        public Builder maxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        public CorsPolicy build() {
            return new CorsPolicyValue(this);
        }
    }
}

final class CorsPolicyValue implements CorsPolicy {
    private final List<String> allowOrigins;
    private final List<HttpMethod> allowMethods;
    private final List<String> allowHeaders;
    private final List<String> exposeHeaders;
    private final Boolean allowCredentials;
    private final Duration maxAge;

    CorsPolicyValue(CorsPolicy.Builder b) {
        this.allowOrigins = b.allowOrigins == null ? List.of() : List.copyOf(b.allowOrigins);
        this.allowMethods = b.allowMethods == null ? null : List.copyOf(b.allowMethods);
        this.allowHeaders = b.allowHeaders == null ? null : List.copyOf(b.allowHeaders);
        this.exposeHeaders = b.exposeHeaders == null ? null : List.copyOf(b.exposeHeaders);
        this.allowCredentials = b.allowCredentials;
        this.maxAge = b.maxAge;
    }

    @Override public List<String> getAllowOrigins() { return allowOrigins; }
    @Override public List<HttpMethod> getAllowMethods() { return allowMethods; }
    @Override public List<String> getAllowHeaders() { return allowHeaders; }
    @Override public List<String> getExposeHeaders() { return exposeHeaders; }
    @Override public Boolean getAllowCredentials() { return allowCredentials; }
    @Override public Duration getMaxAge() { return maxAge; }
}
