package dev.gatehouse.api;

import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The stage an API is deployed to: its name, stage-wide throttling, logging and tracing.
 *
 * <p>Defaults are in {@link dev.gatehouse.Defaults}: logs and tracing are on unless turned off.
 */
public interface StageOptions {

    /**
     * Stage name, the first segment of every URL path (letters, digits, '-', '_'; at most 128).
     *
     * @default {@value dev.gatehouse.Defaults#STAGE_NAME}
     */
    default String getStageName() {
        return null;
    }

    /**
     * Stage description.
     *
     * @default none
     */
    default String getDescription() {
        return null;
    }

    /**
     * Throttling of every route in the stage; single routes may override it
     * ({@link RouteOptions#getThrottle()}).
     *
     * @default none at stage level: only the account's Regional limits apply
     */
    default ThrottleSettings getThrottle() {
        return null;
    }

    /**
     * X-Ray tracing.
     *
     * @default {@value dev.gatehouse.Defaults#TRACING_ENABLED}
     */
    default Boolean getTracingEnabled() {
        return null;
    }

    /**
     * Execution logging level of every route. Needs the account's API Gateway CloudWatch role
     * ({@link GatewayApiProps#getCloudWatchRole()}).
     *
     * @default {@link dev.gatehouse.Defaults#EXECUTION_LOGGING_LEVEL} (ERROR)
     */
    default MethodLoggingLevel getLoggingLevel() {
        return null;
    }

    /**
     * Log full requests and responses in execution logs. They may contain credentials and
     * personal data.
     *
     * @default {@value dev.gatehouse.Defaults#DATA_TRACE_ENABLED}
     */
    default Boolean getDataTraceEnabled() {
        return null;
    }

    /**
     * Per-route CloudWatch metrics (billed as custom metrics).
     *
     * @default {@value dev.gatehouse.Defaults#DETAILED_METRICS_ENABLED}
     */
    default Boolean getMetricsEnabled() {
        return null;
    }

    /**
     * Access logging, one JSON line per request. Turning it off while giving an access log group,
     * retention or format is a contradiction and throws.
     *
     * @default {@value dev.gatehouse.Defaults#ACCESS_LOGGING_ENABLED}
     */
    default Boolean getAccessLogging() {
        return null;
    }

    /**
     * Log group for access logs.
     *
     * @default a new log group kept for {@link #getAccessLogRetention()}
     */
    default ILogGroup getAccessLogGroup() {
        return null;
    }

    /**
     * Retention of the access log group Gatehouse creates. Giving both this and
     * {@link #getAccessLogGroup()} throws: set the retention on your own group.
     *
     * @default {@link dev.gatehouse.Defaults#ACCESS_LOG_RETENTION} (one year)
     */
    default RetentionDays getAccessLogRetention() {
        return null;
    }

    /**
     * Access log line format. It must contain {@code $context.requestId} or
     * {@code $context.extendedRequestId} (rule GH302).
     *
     * @default JSON with request id, caller, route, status, latencies and error messages
     */
    default AccessLogFormat getAccessLogFormat() {
        return null;
    }

    /**
     * Create a client certificate that API Gateway presents to HTTP backends, so they can verify
     * requests come from this stage (read its PEM with {@code aws apigateway get-client-certificate}).
     *
     * @default false
     */
    default Boolean getClientCertificate() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link StageOptions}. */
    final class Builder {
        String stageName;
        String description;
        ThrottleSettings throttle;
        Boolean tracingEnabled;
        MethodLoggingLevel loggingLevel;
        Boolean dataTraceEnabled;
        Boolean metricsEnabled;
        Boolean accessLogging;
        ILogGroup accessLogGroup;
        RetentionDays accessLogRetention;
        AccessLogFormat accessLogFormat;
        Boolean clientCertificate;

        private Builder() {
        }

        public Builder stageName(String stageName) {
            this.stageName = stageName;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder throttle(ThrottleSettings throttle) {
            this.throttle = throttle;
            return this;
        }

        public Builder tracingEnabled(Boolean tracingEnabled) {
            this.tracingEnabled = tracingEnabled;
            return this;
        }

        public Builder loggingLevel(MethodLoggingLevel loggingLevel) {
            this.loggingLevel = loggingLevel;
            return this;
        }

        public Builder dataTraceEnabled(Boolean dataTraceEnabled) {
            this.dataTraceEnabled = dataTraceEnabled;
            return this;
        }

        public Builder metricsEnabled(Boolean metricsEnabled) {
            this.metricsEnabled = metricsEnabled;
            return this;
        }

        public Builder accessLogging(Boolean accessLogging) {
            this.accessLogging = accessLogging;
            return this;
        }

        public Builder accessLogGroup(ILogGroup accessLogGroup) {
            this.accessLogGroup = accessLogGroup;
            return this;
        }

        public Builder accessLogRetention(RetentionDays accessLogRetention) {
            this.accessLogRetention = accessLogRetention;
            return this;
        }

        public Builder accessLogFormat(AccessLogFormat accessLogFormat) {
            this.accessLogFormat = accessLogFormat;
            return this;
        }

        public Builder clientCertificate(Boolean clientCertificate) {
            this.clientCertificate = clientCertificate;
            return this;
        }

        public StageOptions build() {
            return new StageOptionsValue(this);
        }
    }
}

final class StageOptionsValue implements StageOptions {
    private final String stageName;
    private final String description;
    private final ThrottleSettings throttle;
    private final Boolean tracingEnabled;
    private final MethodLoggingLevel loggingLevel;
    private final Boolean dataTraceEnabled;
    private final Boolean metricsEnabled;
    private final Boolean accessLogging;
    private final ILogGroup accessLogGroup;
    private final RetentionDays accessLogRetention;
    private final AccessLogFormat accessLogFormat;
    private final Boolean clientCertificate;

    StageOptionsValue(StageOptions.Builder b) {
        this.stageName = b.stageName;
        this.description = b.description;
        this.throttle = b.throttle;
        this.tracingEnabled = b.tracingEnabled;
        this.loggingLevel = b.loggingLevel;
        this.dataTraceEnabled = b.dataTraceEnabled;
        this.metricsEnabled = b.metricsEnabled;
        this.accessLogging = b.accessLogging;
        this.accessLogGroup = b.accessLogGroup;
        this.accessLogRetention = b.accessLogRetention;
        this.accessLogFormat = b.accessLogFormat;
        this.clientCertificate = b.clientCertificate;
    }

    @Override public String getStageName() { return stageName; }
    @Override public String getDescription() { return description; }
    @Override public ThrottleSettings getThrottle() { return throttle; }
    @Override public Boolean getTracingEnabled() { return tracingEnabled; }
    @Override public MethodLoggingLevel getLoggingLevel() { return loggingLevel; }
    @Override public Boolean getDataTraceEnabled() { return dataTraceEnabled; }
    @Override public Boolean getMetricsEnabled() { return metricsEnabled; }
    @Override public Boolean getAccessLogging() { return accessLogging; }
    @Override public ILogGroup getAccessLogGroup() { return accessLogGroup; }
    @Override public RetentionDays getAccessLogRetention() { return accessLogRetention; }
    @Override public AccessLogFormat getAccessLogFormat() { return accessLogFormat; }
    @Override public Boolean getClientCertificate() { return clientCertificate; }
}
