package dev.gatehouse.api.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Gatehouse's default access log line: one JSON object per request. */
public final class AccessLogJson {
    private AccessLogJson() {
    }

    /** Field name to {@code $context} variable; values are quoted unless listed as raw. */
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("requestId", "$context.requestId");
        FIELDS.put("extendedRequestId", "$context.extendedRequestId");
        FIELDS.put("requestTime", "$context.requestTime");
        FIELDS.put("ip", "$context.identity.sourceIp");
        FIELDS.put("userAgent", "$context.identity.userAgent");
        FIELDS.put("caller", "$context.identity.caller");
        FIELDS.put("user", "$context.identity.user");
        FIELDS.put("principalId", "$context.authorizer.principalId");
        FIELDS.put("httpMethod", "$context.httpMethod");
        FIELDS.put("resourcePath", "$context.resourcePath");
        FIELDS.put("path", "$context.path");
        FIELDS.put("protocol", "$context.protocol");
        FIELDS.put("status", "$context.status");
        FIELDS.put("responseLength", "$context.responseLength");
        FIELDS.put("responseLatency", "$context.responseLatency");
        FIELDS.put("integrationStatus", "$context.integration.status");
        FIELDS.put("integrationLatency", "$context.integration.latency");
        FIELDS.put("integrationError", "$context.integration.error");
        FIELDS.put("authorizerError", "$context.authorizer.error");
    }

    /**
     * The format string. {@code $context.error.messageString} is already a quoted JSON string, so
     * it is the one value written without quotes.
     */
    public static final String FORMAT = build();

    private static String build() {
        StringJoiner json = new StringJoiner(",", "{", "}");
        FIELDS.forEach((name, variable) -> json.add("\"" + name + "\":\"" + variable + "\""));
        json.add("\"errorMessage\":$context.error.messageString");
        return json.toString();
    }
}
