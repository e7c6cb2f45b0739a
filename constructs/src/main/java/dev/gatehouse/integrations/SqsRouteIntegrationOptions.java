package dev.gatehouse.integrations;

import software.amazon.awscdk.Duration;

/** Options of an SQS route ({@link Integrations#sqs}). */
public interface SqsRouteIntegrationOptions {

    /**
     * The message group of every message the route sends to a FIFO queue (required there, GH243).
     *
     * @default none (standard queues)
     */
    default String getMessageGroupId() {
        return null;
    }

    /**
     * How long API Gateway waits for SQS (50 ms to 29 s).
     *
     * @default {@value dev.gatehouse.Defaults#INTEGRATION_TIMEOUT_MAX_MILLIS} ms
     */
    default Duration getTimeout() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SqsRouteIntegrationOptions}. */
    final class Builder {
        private String messageGroupId;
        private Duration timeout;

        private Builder() {
        }

        public Builder messageGroupId(String messageGroupId) {
            this.messageGroupId = messageGroupId;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public SqsRouteIntegrationOptions build() {
            String group = messageGroupId;
            Duration t = timeout;
            return new SqsRouteIntegrationOptions() {
                @Override
                public String getMessageGroupId() {
                    return group;
                }

                @Override
                public Duration getTimeout() {
                    return t;
                }
            };
        }
    }
}
