package dev.gatehouse.integrations;

import dev.gatehouse.api.HttpMethod;
import software.amazon.awscdk.Duration;

/** Options of an HTTP integration (proxy unless a {@link #getMapping() mapping} is given). */
public interface HttpRouteIntegrationOptions {

    /**
     * Method used towards the backend.
     *
     * @default the route's method (ANY passes the client's method through)
     */
    default HttpMethod getHttpMethod() {
        return null;
    }

    /**
     * How long API Gateway waits for the backend (50 ms to 29 s; up to 15 minutes when the
     * response streams).
     *
     * @default {@value dev.gatehouse.Defaults#INTEGRATION_TIMEOUT_MAX_MILLIS} ms
     */
    default Duration getTimeout() {
        return null;
    }

    /**
     * Makes the integration a non-proxy one (type {@code http}): request templates, parameter
     * mappings and integration responses.
     *
     * @default none: a proxy integration (type {@code http_proxy}) that passes the whole request and
     *     response through
     */
    default IntegrationMapping getMapping() {
        return null;
    }

    /**
     * Whether API Gateway streams the response as it arrives, rather than waiting for all of it.
     *
     * @default {@link dev.gatehouse.Defaults#STREAMING_MODE}
     */
    default StreamingMode getStreamingMode() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link HttpRouteIntegrationOptions}. */
    final class Builder {
        private HttpMethod httpMethod;
        private Duration timeout;
        private IntegrationMapping mapping;
        private StreamingMode streamingMode;

        private Builder() {
        }

        public Builder httpMethod(HttpMethod httpMethod) {
            this.httpMethod = httpMethod;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** @see HttpRouteIntegrationOptions#getMapping() */
        public Builder mapping(IntegrationMapping mapping) {
            this.mapping = mapping;
            return this;
        }

        public Builder streamingMode(StreamingMode streamingMode) {
            this.streamingMode = streamingMode;
            return this;
        }

        public HttpRouteIntegrationOptions build() {
            HttpMethod m = httpMethod;
            Duration t = timeout;
            IntegrationMapping map = mapping;
            StreamingMode s = streamingMode;
            return new HttpRouteIntegrationOptions() {
                @Override
                public HttpMethod getHttpMethod() {
                    return m;
                }

                @Override
                public Duration getTimeout() {
                    return t;
                }

                @Override
                public IntegrationMapping getMapping() {
                    return map;
                }

                @Override
                public StreamingMode getStreamingMode() {
                    return s;
                }
            };
        }
    }
}
