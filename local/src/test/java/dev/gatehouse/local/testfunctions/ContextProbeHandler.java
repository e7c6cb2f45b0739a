package dev.gatehouse.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Lambda handler that takes the {@link Context} (from aws-lambda-java-core in the asset's lib/)
 * and answers what it says, with the request id of the event's requestContext to compare.
 */
public class ContextProbeHandler {
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> description = new LinkedHashMap<>();
        Object requestContext = event.get("requestContext");
        description.put("eventRequestId", requestContext instanceof Map<?, ?> r ? r.get("requestId") : null);
        description.put("awsRequestId", context.getAwsRequestId());
        description.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
        description.put("functionName", context.getFunctionName());
        description.put("invokedFunctionArn", context.getInvokedFunctionArn());
        description.put("memoryLimitInMB", context.getMemoryLimitInMB());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("statusCode", 200);
        response.put("headers", Map.of("Content-Type", "application/json"));
        response.put("body", Json.write(description));
        return response;
    }
}
