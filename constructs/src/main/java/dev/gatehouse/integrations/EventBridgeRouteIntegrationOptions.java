package dev.gatehouse.integrations;

import software.amazon.awscdk.Duration;

/**
 * Options of an EventBridge route ({@link Integrations#eventBridge}): the event's source and
 * detail type are the route's, its detail is the request body.
 */
public interface EventBridgeRouteIntegrationOptions {

    /** The events' {@code source}, e.g. {@code com.example.orders} (required; not {@code aws.*}). */
    String getSource();

    /** The events' {@code detail-type}, e.g. {@code OrderPlaced} (required). */
    String getDetailType();

    /**
     * How long API Gateway waits for EventBridge (50 ms to 29 s).
     *
     * @default {@value dev.gatehouse.Defaults#INTEGRATION_TIMEOUT_MAX_MILLIS} ms
     */
    default Duration getTimeout() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link EventBridgeRouteIntegrationOptions}. */
    final class Builder {
        private String source;
        private String detailType;
        private Duration timeout;

        private Builder() {
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder detailType(String detailType) {
            this.detailType = detailType;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** @throws NullPointerException without a source or detail type */
        public EventBridgeRouteIntegrationOptions build() {
            String s = java.util.Objects.requireNonNull(source, "EventBridgeRouteIntegrationOptions.source");
            String d = java.util.Objects.requireNonNull(detailType, "EventBridgeRouteIntegrationOptions.detailType");
            Duration t = timeout;
            return new EventBridgeRouteIntegrationOptions() {
                @Override
                public String getSource() {
                    return s;
                }

                @Override
                public String getDetailType() {
                    return d;
                }

                @Override
                public Duration getTimeout() {
                    return t;
                }
            };
        }
    }
}
