package dev.gatehouse.integrations;

import software.amazon.awscdk.Duration;

/** Options of a Lambda integration (proxy unless a {@link #getMapping() mapping} is given). */
public interface LambdaRouteIntegrationOptions {

    /**
     * How long API Gateway waits for the function (50 ms to 29 s; up to 15 minutes when the
     * response streams).
     *
     * @default {@value dev.gatehouse.Defaults#INTEGRATION_TIMEOUT_MAX_MILLIS} ms
     */
    default Duration getTimeout() {
        return null;
    }

    /**
     * Makes the integration a non-proxy one (type {@code aws}): request templates, parameter
     * mappings and integration responses.
     *
     * @default none: a proxy integration (type {@code aws_proxy}) that passes the whole request and
     *     response through
     */
    default IntegrationMapping getMapping() {
        return null;
    }

    /**
     * Whether API Gateway streams the response as it arrives, rather than waiting for all of it.
     * A streamed function must write Lambda's response-streaming format (rule GH267).
     *
     * @default {@link dev.gatehouse.Defaults#STREAMING_MODE}
     */
    default StreamingMode getStreamingMode() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link LambdaRouteIntegrationOptions}. */
    final class Builder {
        private Duration timeout;
        private IntegrationMapping mapping;
        private StreamingMode streamingMode;

        private Builder() {
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** @see LambdaRouteIntegrationOptions#getMapping() */
        public Builder mapping(IntegrationMapping mapping) {
            this.mapping = mapping;
            return this;
        }

        public Builder streamingMode(StreamingMode streamingMode) {
            this.streamingMode = streamingMode;
            return this;
        }

        public LambdaRouteIntegrationOptions build() {
            Duration t = timeout;
            IntegrationMapping map = mapping;
            StreamingMode s = streamingMode;
            return new LambdaRouteIntegrationOptions() {
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
