package dev.gatehouse.lambda.cache;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * Lambda entry point {@code dev.gatehouse.lambda.cache.StageCacheHandler::handleRequest}: the
 * on-event handler (CDK Provider framework) of Gatehouse's {@code Custom::GatehouseStageCache}
 * resource. The work is {@link StageCacheUpdater}'s.
 */
public final class StageCacheHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final StageCacheUpdater updater;

    public StageCacheHandler() {
        this(new StageCacheUpdater(ApiGatewayClient.builder()
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(ApacheHttpClient.create())
                .build()));
    }

    /** A handler over the given updater (tests). */
    public StageCacheHandler(StageCacheUpdater updater) {
        this.updater = updater;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return updater.handle(event);
    }
}
