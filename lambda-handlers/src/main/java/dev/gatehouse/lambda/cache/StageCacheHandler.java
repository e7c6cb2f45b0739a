package dev.gatehouse.lambda.cache;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * Lambda entry point {@code dev.gatehouse.lambda.cache.StageCacheHandler::handleRequest}: the
 * function behind Gatehouse's {@code Custom::GatehouseStageCache} resource, invoked by
 * CloudFormation itself. The work is {@link StageCacheUpdater}'s; this adapter answers
 * CloudFormation at the event's ResponseURL, FAILED with the reason when the work failed (a stack
 * would otherwise wait an hour for an answer that never comes).
 */
public final class StageCacheHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final StageCacheUpdater updater;
    private final CloudFormationResponse responses;

    public StageCacheHandler() {
        this(new StageCacheUpdater(ApiGatewayClient.builder()
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(ApacheHttpClient.create())
                .build()), CloudFormationResponse.create());
    }

    /** A handler over the given updater, answering through {@code responses} (tests). */
    StageCacheHandler(StageCacheUpdater updater, CloudFormationResponse responses) {
        this.updater = updater;
        this.responses = responses;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        StageCacheUpdater.Result result;
        try {
            result = updater.handle(event);
        } catch (IllegalArgumentException | IllegalStateException | SdkException e) {
            // what the work can fail with: bad properties, API Gateway's refusals, the network
            Object physicalId = event.get("PhysicalResourceId");
            String id = physicalId != null ? physicalId.toString() : "failed-" + event.get("RequestId");
            responses.send(event, false, e.getMessage(), id, Map.of());
            return Map.of("Status", "FAILED", "Reason", String.valueOf(e.getMessage()));
        }
        responses.send(event, true, null, result.physicalId(), result.data());
        return Map.of("Status", "SUCCESS", "PhysicalResourceId", result.physicalId());
    }
}
