package dev.gatehouse.integrations;

import software.amazon.awscdk.Duration;

/** Options of a Lambda proxy integration. */
public interface LambdaRouteIntegrationOptions {

    /**
     * How long API Gateway waits for the function (50 ms to 29 s).
     *
     * @default {@value dev.gatehouse.Defaults#INTEGRATION_TIMEOUT_MAX_MILLIS} ms
     */
    default Duration getTimeout() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link LambdaRouteIntegrationOptions}. */
    final class Builder {
        private Duration timeout;

        private Builder() {
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public LambdaRouteIntegrationOptions build() {
            Duration t = timeout;
            return new LambdaRouteIntegrationOptions() {
                @Override
                public Duration getTimeout() {
                    return t;
                }
            };
        }
    }
}
