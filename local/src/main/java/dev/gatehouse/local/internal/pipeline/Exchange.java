package dev.gatehouse.local.internal.pipeline;

import dev.gatehouse.local.internal.api.Operation;
import dev.gatehouse.local.internal.http.GatewayRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request on its way through the gateway, and what API Gateway's {@code $context} variables
 * say about it (for the integration's event, mapping templates and access log lines).
 */
public final class Exchange {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final GatewayRequest request;
    private final String requestId;
    private final String extendedRequestId;
    private final Instant requestTime;
    private final long startNanos = System.nanoTime();
    private final StageInfo stage;

    private Operation operation;
    private Map<String, String> pathParameters = Map.of();
    /** principalId and the authorizer's context, as the integration sees them. */
    private final Map<String, Object> authorizer = new LinkedHashMap<>();
    private final Map<String, String> identity = new LinkedHashMap<>();
    private String authorizerError;
    private String usageIdentifierKey;

    private int integrationStatus = -1;
    private long integrationLatencyMillis = -1;
    private String integrationError;
    private int status;
    private long responseLength;
    private ResponseType errorType;
    private String errorMessage;

    /** The stage a request is served by. */
    public record StageInfo(String apiId, String stageName, String accountId, String domainName) {
    }

    public Exchange(GatewayRequest request, String requestId, String extendedRequestId, Instant requestTime,
            StageInfo stage) {
        this.request = request;
        this.requestId = requestId;
        this.extendedRequestId = extendedRequestId;
        this.requestTime = requestTime;
        this.stage = stage;
    }

    public GatewayRequest request() {
        return request;
    }

    public String requestId() {
        return requestId;
    }

    public Instant requestTime() {
        return requestTime;
    }

    public StageInfo stage() {
        return stage;
    }

    public Operation operation() {
        return operation;
    }

    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    public void route(Operation operation, Map<String, String> pathParameters) {
        this.operation = operation;
        this.pathParameters = pathParameters;
    }

    /** The resource path ({@code /orders/{id}}), or the request path before routing. */
    public String resourcePath() {
        return operation != null ? operation.resourcePath() : request.path();
    }

    /** {@code $context.authorizer}: principalId and the authorizer's context values. */
    public Map<String, Object> authorizer() {
        return authorizer;
    }

    /** {@code $context.identity} values set by authorization (caller, user, userArn, apiKey, ...). */
    public Map<String, String> identity() {
        return identity;
    }

    public void authorizerError(String error) {
        this.authorizerError = error;
    }

    /** The API key the authorizer named (usageIdentifierKey), for key source AUTHORIZER. */
    public String usageIdentifierKey() {
        return usageIdentifierKey;
    }

    public void usageIdentifierKey(String key) {
        this.usageIdentifierKey = key;
    }

    public void integrationDone(int status, String error) {
        this.integrationStatus = status;
        this.integrationError = error;
        this.integrationLatencyMillis = (System.nanoTime() - startNanos) / 1_000_000;
    }

    public void responded(int status, long length) {
        this.status = status;
        this.responseLength = length;
    }

    public void error(ResponseType type, String message) {
        this.errorType = type;
        this.errorMessage = message;
    }

    /** Milliseconds since the request arrived. */
    public long latencyMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** {@code $context.path}: the stage and the path as the client sent them. */
    public String contextPath() {
        return "/" + stage.stageName() + request.rawPath();
    }

    /** {@code $context.requestTime}. */
    public String requestTimeText() {
        return REQUEST_TIME.format(requestTime);
    }

    /**
     * A {@code $context} variable by its name after "$context." ({@code identity.sourceIp}); null
     * when it has no value.
     */
    public String contextValue(String name) {
        switch (name) {
            case "requestId":
            case "awsEndpointRequestId":
                return requestId;
            case "extendedRequestId":
                return extendedRequestId;
            case "requestTime":
                return requestTimeText();
            case "requestTimeEpoch":
                return Long.toString(requestTime.toEpochMilli());
            case "httpMethod":
                return request.method();
            case "resourcePath":
                return resourcePath();
            case "resourceId":
                return operation == null ? null : Integer.toHexString(operation.resourcePath().hashCode());
            case "path":
                return contextPath();
            case "protocol":
                return request.protocol();
            case "stage":
                return stage.stageName();
            case "apiId":
                return stage.apiId();
            case "accountId":
                return stage.accountId();
            case "domainName":
                return stage.domainName();
            case "domainPrefix":
                return stage.domainName().split("[.:]")[0];
            case "status":
                return status == 0 ? null : Integer.toString(status);
            case "responseLength":
                return Long.toString(responseLength);
            case "responseLatency":
                return Long.toString(latencyMillis());
            case "integration.status":
            case "integrationStatus":
                return integrationStatus < 0 ? null : Integer.toString(integrationStatus);
            case "integration.latency":
            case "integrationLatency":
                return integrationLatencyMillis < 0 ? null : Long.toString(integrationLatencyMillis);
            case "integration.error":
                return integrationError;
            case "identity.sourceIp":
                return request.sourceIp();
            case "identity.userAgent":
                return request.headers().first("User-Agent");
            case "authorizer.principalId":
                return authorizer.get("principalId") == null ? null : authorizer.get("principalId").toString();
            case "authorizer.error":
                return authorizerError;
            case "error.message":
                return errorMessage;
            case "error.messageString":
                return errorMessage == null ? null : "\"" + errorMessage.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case "error.responseType":
                return errorType == null ? null : errorType.name();
            default:
                break;
        }
        if (name.startsWith("identity.")) {
            return identity.get(name.substring("identity.".length()));
        }
        if (name.startsWith("authorizer.")) {
            Object value = authorizer.get(name.substring("authorizer.".length()));
            return value == null ? null : value.toString();
        }
        return null;
    }

    /** {@code $context} as nested maps, for mapping templates. */
    public Map<String, Object> contextMap() {
        Map<String, Object> context = new LinkedHashMap<>();
        for (String name : new String[] {"requestId", "extendedRequestId", "requestTime", "requestTimeEpoch", "httpMethod",
                "resourcePath", "resourceId", "path", "protocol", "stage", "apiId", "accountId", "domainName", "domainPrefix"}) {
            context.put(name, contextValue(name));
        }
        Map<String, Object> identityMap = new LinkedHashMap<>(identity);
        identityMap.put("sourceIp", request.sourceIp());
        identityMap.put("userAgent", request.headers().first("User-Agent"));
        context.put("identity", identityMap);
        context.put("authorizer", new LinkedHashMap<>(authorizer));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", errorMessage);
        error.put("messageString", contextValue("error.messageString"));
        error.put("responseType", contextValue("error.responseType"));
        context.put("error", error);
        return context;
    }
}
