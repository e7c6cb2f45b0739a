package dev.gatehouse.integrations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;

/** Options of a Step Functions route ({@link Integrations#stepFunctions}). */
public interface StepFunctionsRouteIntegrationOptions {

    /**
     * Whether the route waits for the workflow's result or answers 202 once it has started.
     *
     * @default {@link dev.gatehouse.Defaults#STEP_FUNCTIONS_EXECUTION} (synchronous)
     */
    default StepFunctionsExecution getExecution() {
        return null;
    }

    /**
     * The type of an imported state machine, which synth cannot know (GH241). For a state
     * machine of this app, a type that differs from its own throws.
     *
     * @default the state machine's own type; unknown for an imported one
     */
    default StateMachineType getStateMachineType() {
        return null;
    }

    /**
     * Workflow error names (a Fail state's {@code Error}, or a task's error) and the 4xx status a
     * synchronous route answers when the execution fails with one, e.g. {@code OrderNotFound} to
     * 404. The body is then {@code {"error": name}}.
     *
     * @default none: every failure is 500, a timeout 504
     */
    default Map<String, Integer> getErrorStatuses() {
        return Map.of();
    }

    /**
     * Whether a failed execution's error cause is in the response body.
     *
     * @default {@value dev.gatehouse.Defaults#STEP_FUNCTIONS_EXPOSE_ERROR_CAUSE}
     */
    default Boolean getExposeErrorCause() {
        return null;
    }

    /**
     * Whether the execution input has the path parameters under {@code path}.
     *
     * @default {@value dev.gatehouse.Defaults#STEP_FUNCTIONS_INCLUDE_PATH}
     */
    default Boolean getIncludePath() {
        return null;
    }

    /**
     * Whether the execution input has the query string parameters under {@code querystring}.
     *
     * @default {@value dev.gatehouse.Defaults#STEP_FUNCTIONS_INCLUDE_QUERY_STRING}
     */
    default Boolean getIncludeQueryString() {
        return null;
    }

    /**
     * Request headers (any case) the execution input has under {@code headers}.
     *
     * @default {@link dev.gatehouse.Defaults#STEP_FUNCTIONS_HEADERS} (none)
     */
    default List<String> getHeaders() {
        return null;
    }

    /**
     * Whether the execution input has the authorizer's context (a Lambda authorizer's context
     * values and principal id, as strings) under {@code authorizer}.
     *
     * @default {@value dev.gatehouse.Defaults#STEP_FUNCTIONS_INCLUDE_AUTHORIZER_CONTEXT}
     */
    default Boolean getIncludeAuthorizerContext() {
        return null;
    }

    /**
     * How long API Gateway waits for Step Functions (50 ms to 29 s); a synchronous execution that
     * runs longer is answered 504 by API Gateway, and goes on running.
     *
     * @default {@value dev.gatehouse.Defaults#INTEGRATION_TIMEOUT_MAX_MILLIS} ms
     */
    default Duration getTimeout() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link StepFunctionsRouteIntegrationOptions}. */
    final class Builder {
        private StepFunctionsExecution execution;
        private StateMachineType stateMachineType;
        private final Map<String, Integer> errorStatuses = new LinkedHashMap<>();
        private Boolean exposeErrorCause;
        private Boolean includePath;
        private Boolean includeQueryString;
        private List<String> headers;
        private Boolean includeAuthorizerContext;
        private Duration timeout;

        private Builder() {
        }

        public Builder execution(StepFunctionsExecution execution) {
            this.execution = execution;
            return this;
        }

        public Builder stateMachineType(StateMachineType stateMachineType) {
            this.stateMachineType = stateMachineType;
            return this;
        }

        /** Replaces the error statuses. */
        public Builder errorStatuses(Map<String, Integer> errorStatuses) {
            this.errorStatuses.clear();
            this.errorStatuses.putAll(errorStatuses);
            return this;
        }

        /** Maps the workflow error {@code error} to {@code status}, e.g. {@code errorStatus("OrderNotFound", 404)}. */
        public Builder errorStatus(String error, int status) {
            errorStatuses.put(Objects.requireNonNull(error, "error"), status);
            return this;
        }

        public Builder exposeErrorCause(Boolean exposeErrorCause) {
            this.exposeErrorCause = exposeErrorCause;
            return this;
        }

        public Builder includePath(Boolean includePath) {
            this.includePath = includePath;
            return this;
        }

        public Builder includeQueryString(Boolean includeQueryString) {
            this.includeQueryString = includeQueryString;
            return this;
        }

        public Builder headers(List<String> headers) {
            this.headers = headers == null ? null : List.copyOf(headers);
            return this;
        }

        public Builder includeAuthorizerContext(Boolean includeAuthorizerContext) {
            this.includeAuthorizerContext = includeAuthorizerContext;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public StepFunctionsRouteIntegrationOptions build() {
            StepFunctionsExecution e = execution;
            StateMachineType type = stateMachineType;
            Map<String, Integer> statuses = Collections.unmodifiableMap(new LinkedHashMap<>(errorStatuses));
            Boolean cause = exposeErrorCause;
            Boolean path = includePath;
            Boolean query = includeQueryString;
            List<String> h = headers;
            Boolean authorizer = includeAuthorizerContext;
            Duration t = timeout;
            return new StepFunctionsRouteIntegrationOptions() {
                @Override
                public StepFunctionsExecution getExecution() {
                    return e;
                }

                @Override
                public StateMachineType getStateMachineType() {
                    return type;
                }

                @Override
                public Map<String, Integer> getErrorStatuses() {
                    return statuses;
                }

                @Override
                public Boolean getExposeErrorCause() {
                    return cause;
                }

                @Override
                public Boolean getIncludePath() {
                    return path;
                }

                @Override
                public Boolean getIncludeQueryString() {
                    return query;
                }

                @Override
                public List<String> getHeaders() {
                    return h;
                }

                @Override
                public Boolean getIncludeAuthorizerContext() {
                    return authorizer;
                }

                @Override
                public Duration getTimeout() {
                    return t;
                }
            };
        }
    }
}
