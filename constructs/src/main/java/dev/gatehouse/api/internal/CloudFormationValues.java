package dev.gatehouse.api.internal;

import dev.gatehouse.api.ApiEndpointType;
import dev.gatehouse.api.ApiKeySource;
import dev.gatehouse.api.ExecutionLogLevel;
import dev.gatehouse.api.QuotaPeriod;

/** Gatehouse's enums as the strings CloudFormation and API Gateway's OpenAPI extensions take. */
public final class CloudFormationValues {
    private CloudFormationValues() {
    }

    /** {@code AWS::ApiGateway::RestApi EndpointConfiguration.Types}. */
    public static String endpointType(ApiEndpointType type) {
        return switch (type) {
            case REGIONAL -> "REGIONAL";
            case EDGE -> "EDGE";
            case PRIVATE -> "PRIVATE";
        };
    }

    /** {@code x-amazon-apigateway-api-key-source}. */
    public static String apiKeySource(ApiKeySource source) {
        return switch (source) {
            case HEADER -> "HEADER";
            case AUTHORIZER -> "AUTHORIZER";
        };
    }

    /** {@code AWS::ApiGateway::Stage MethodSetting.LoggingLevel}. */
    public static String loggingLevel(ExecutionLogLevel level) {
        return switch (level) {
            case OFF -> "OFF";
            case ERROR -> "ERROR";
            case INFO -> "INFO";
        };
    }

    /** {@code AWS::ApiGateway::UsagePlan QuotaSettings.Period}. */
    public static String quotaPeriod(QuotaPeriod period) {
        return switch (period) {
            case DAY -> "DAY";
            case WEEK -> "WEEK";
            case MONTH -> "MONTH";
        };
    }
}
