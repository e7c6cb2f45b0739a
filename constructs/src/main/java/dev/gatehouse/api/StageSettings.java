package dev.gatehouse.api;

import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The stage an API is deployed to: its name, stage-wide throttling, logging, tracing and caching.
 *
 * <p>Defaults are in {@link dev.gatehouse.Defaults}: logs and tracing are on unless turned off.
 */
public interface StageSettings {

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
    default Throttle getThrottle() {
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
    default ExecutionLogLevel getLoggingLevel() {
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
     * Access log line format, with {@code $context} variables
     * (<a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-variables-for-access-logging.html">variables
     * for access logging</a>). It must contain {@code $context.requestId} or
     * {@code $context.extendedRequestId} (rule GH302). aws-cdk-lib's formats work too:
     * {@code AccessLogFormat.jsonWithStandardFields().toString()}.
     *
     * @default {@link dev.gatehouse.Defaults#ACCESS_LOG_FORMAT}: JSON with request id, caller, route,
     *     status, latencies and error messages
     */
    default String getAccessLogFormat() {
        return null;
    }

    /**
     * Create a client certificate that API Gateway presents to HTTP backends, so they can verify
     * requests come from this stage (read its PEM with {@code aws apigateway get-client-certificate}).
     *
     * @default {@value dev.gatehouse.Defaults#CLIENT_CERTIFICATE}
     */
    default Boolean getClientCertificate() {
        return null;
    }

    /**
     * Provision the stage's cache cluster, of this many gigabytes as API Gateway names its sizes:
     * "0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118" or "237" (rule GH600). The cluster is billed
     * by the hour whether or not anything is cached (docs/caching.md lists the prices). Routes are
     * cached only when they (or {@link #getCaching()}) ask for it.
     *
     * @default no cache cluster; asking for caching without one is an error (rule GH602)
     */
    default String getCacheClusterSize() {
        return null;
    }

    /**
     * Stage-wide cache settings: whether GET routes are cached unless they say otherwise, the TTL,
     * encryption and who may invalidate entries. Routes override them with
     * {@link RouteOptions#getCaching()}. The route-only settings (key, sharedAcrossCallers) throw
     * here.
     *
     * @default the defaults of {@link CacheSettings}: no route is cached unless it asks
     */
    default CacheSettings getCaching() {
        return null;
    }

    /**
     * Flush the whole stage cache whenever a deployment changes the API, so that no response
     * cached by the old API outlives it (a custom resource calls API Gateway's FlushStageCache).
     * Without it, cached responses live until their TTL ends; flush by hand with
     * {@code aws apigateway flush-stage-cache} and the stack outputs RestApiId and StageName.
     *
     * @default {@value dev.gatehouse.Defaults#FLUSH_CACHE_ON_DEPLOY}
     */
    default Boolean getFlushCacheOnDeploy() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link StageSettings}. */
    final class Builder {
        String stageName;
        String description;
        Throttle throttle;
        Boolean tracingEnabled;
        ExecutionLogLevel loggingLevel;
        Boolean dataTraceEnabled;
        Boolean metricsEnabled;
        Boolean accessLogging;
        ILogGroup accessLogGroup;
        RetentionDays accessLogRetention;
        String accessLogFormat;
        Boolean clientCertificate;
        String cacheClusterSize;
        CacheSettings caching;
        Boolean flushCacheOnDeploy;

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

        public Builder throttle(Throttle throttle) {
            this.throttle = throttle;
            return this;
        }

        public Builder tracingEnabled(Boolean tracingEnabled) {
            this.tracingEnabled = tracingEnabled;
            return this;
        }

        public Builder loggingLevel(ExecutionLogLevel loggingLevel) {
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

        public Builder accessLogFormat(String accessLogFormat) {
            this.accessLogFormat = accessLogFormat;
            return this;
        }

        public Builder clientCertificate(Boolean clientCertificate) {
            this.clientCertificate = clientCertificate;
            return this;
        }

        public Builder cacheClusterSize(String cacheClusterSize) {
            this.cacheClusterSize = cacheClusterSize;
            return this;
        }

        public Builder caching(CacheSettings caching) {
            this.caching = caching;
            return this;
        }

        public Builder flushCacheOnDeploy(Boolean flushCacheOnDeploy) {
            this.flushCacheOnDeploy = flushCacheOnDeploy;
            return this;
        }

        public StageSettings build() {
            return new StageSettingsValue(this);
        }
    }
}

final class StageSettingsValue implements StageSettings {
    private final String stageName;
    private final String description;
    private final Throttle throttle;
    private final Boolean tracingEnabled;
    private final ExecutionLogLevel loggingLevel;
    private final Boolean dataTraceEnabled;
    private final Boolean metricsEnabled;
    private final Boolean accessLogging;
    private final ILogGroup accessLogGroup;
    private final RetentionDays accessLogRetention;
    private final String accessLogFormat;
    private final Boolean clientCertificate;
    private final String cacheClusterSize;
    private final CacheSettings caching;
    private final Boolean flushCacheOnDeploy;

    StageSettingsValue(StageSettings.Builder b) {
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
        this.cacheClusterSize = b.cacheClusterSize;
        this.caching = b.caching;
        this.flushCacheOnDeploy = b.flushCacheOnDeploy;
    }

    @Override public String getStageName() { return stageName; }
    @Override public String getDescription() { return description; }
    @Override public Throttle getThrottle() { return throttle; }
    @Override public Boolean getTracingEnabled() { return tracingEnabled; }
    @Override public ExecutionLogLevel getLoggingLevel() { return loggingLevel; }
    @Override public Boolean getDataTraceEnabled() { return dataTraceEnabled; }
    @Override public Boolean getMetricsEnabled() { return metricsEnabled; }
    @Override public Boolean getAccessLogging() { return accessLogging; }
    @Override public ILogGroup getAccessLogGroup() { return accessLogGroup; }
    @Override public RetentionDays getAccessLogRetention() { return accessLogRetention; }
    @Override public String getAccessLogFormat() { return accessLogFormat; }
    @Override public Boolean getClientCertificate() { return clientCertificate; }
    @Override public String getCacheClusterSize() { return cacheClusterSize; }
    @Override public CacheSettings getCaching() { return caching; }
    @Override public Boolean getFlushCacheOnDeploy() { return flushCacheOnDeploy; }
}
