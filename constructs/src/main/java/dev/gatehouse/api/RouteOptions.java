package dev.gatehouse.api;

/** Options of one route. */
public interface RouteOptions {

    /**
     * Who may call the route.
     *
     * @default none: the route is rejected at synth (rule GH110) until it has one; use
     *     {@link Authorization#none()} to make it public on purpose
     */
    default Authorization getAuthorization() {
        return null;
    }

    /**
     * Throttling for this route alone, overriding the stage's. A limit left out here is taken
     * from the stage.
     *
     * @default the stage's throttling
     */
    default ThrottleSettings getThrottle() {
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

    static Builder builder() {
        return new Builder();
    }

    /** Options with only an authorization. */
    static RouteOptions of(Authorization authorization) {
        return builder().authorization(authorization).build();
    }

    /** Builds {@link RouteOptions}. */
    final class Builder {
        private Authorization authorization;
        private ThrottleSettings throttle;
        private String operationId;
        private String summary;

        private Builder() {
        }

        public Builder authorization(Authorization authorization) {
            this.authorization = authorization;
            return this;
        }

        public Builder throttle(ThrottleSettings throttle) {
            this.throttle = throttle;
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

        public RouteOptions build() {
            Authorization a = authorization;
            ThrottleSettings t = throttle;
            String o = operationId;
            String s = summary;
            return new RouteOptions() {
                @Override
                public Authorization getAuthorization() {
                    return a;
                }

                @Override
                public ThrottleSettings getThrottle() {
                    return t;
                }

                @Override
                public String getOperationId() {
                    return o;
                }

                @Override
                public String getSummary() {
                    return s;
                }
            };
        }
    }
}
