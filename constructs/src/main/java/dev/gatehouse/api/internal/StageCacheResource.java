package dev.gatehouse.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.functions.internal.BundledFunctionProps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.IStableAnyProducer;
import software.amazon.awscdk.IStableStringProducer;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.LazyAnyValueOptions;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.CfnStage;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Tracing;
import software.constructs.Construct;

/**
 * The stage cache's custom resource (bundled handler {@code stage-cache}, which CloudFormation
 * invokes and which answers CloudFormation itself) and the stack outputs for flushing the cache by
 * hand.
 *
 * <p>CloudFormation's MethodSetting has no property for {@code requireAuthorizationForCacheControl}
 * and {@code unauthorizedCacheControlHeaderStrategy}, so the resource applies them to every cached
 * method setting of the stage (UpdateStage), after each change of the stage's method settings;
 * with flushCacheOnDeploy it also flushes the stage cache (FlushStageCache) when a deployment
 * changes the API. Its role may read and update this stage and, only with flushCacheOnDeploy,
 * delete this stage's cache data. The function is not traced: it serves no request, and its role
 * then needs no X-Ray grant on '*'.
 */
final class StageCacheResource {
    /** Entry point of the bundled handler. */
    static final String HANDLER = "dev.gatehouse.lambda.cache.StageCacheHandler::handleRequest";
    /** The bundled handler's jar. */
    static final String HANDLER_JAR = "stage-cache";
    /** Retries on ConflictException while the cache cluster is created take minutes (CloudFormation waits up to an hour). */
    static final int TIMEOUT_MINUTES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private StageCacheResource() {
    }

    static CustomResource create(Construct api, String apiName, StageCaching caching, CfnStage stage, String restApiId,
            String deploymentId, Supplier<DocumentRenderer.Rendered> rendered) {
        Stack stack = Stack.of(api);
        Function function = new Function(api, "CacheFn",
                BundledFunctionProps.of(api, "CacheFn", HANDLER_JAR, HANDLER, Map.of())
                        .description("Gatehouse stage cache settings of " + apiName + " (stage " + stage.getStageName() + ")")
                        .timeout(Duration.minutes(TIMEOUT_MINUTES))
                        .tracing(Tracing.DISABLED)
                        .build());
        String stageArn = "arn:" + stack.getPartition() + ":apigateway:" + stack.getRegion() + "::/restapis/" + restApiId
                + "/stages/" + stage.getStageName();
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("apigateway:GET", "apigateway:PATCH"))
                .resources(List.of(stageArn))
                .build());
        if (caching.flushOnDeploy()) {
            function.addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of("apigateway:DELETE"))
                    .resources(List.of(stageArn + "/cache/data"))
                    .build());
        }
        StageCaching.Behaviour stageWide = caching.stageWide();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("RestApiId", restApiId);
        properties.put("StageName", stage.getStageName());
        properties.put("DeploymentId", deploymentId);
        properties.put("FlushOnDeploy", Boolean.toString(caching.flushOnDeploy()));
        properties.put("RequireAuthorizationForCacheControl", Boolean.toString(stageWide.requireAuthorization()));
        properties.put("UnauthorizedCacheControlHeaderStrategy", stageWide.unauthorized().name());
        properties.put("Overrides", Lazy.any(new IStableAnyProducer() {
            @Override
            public Object produce() {
                return rendered.get().cacheInvalidationOverrides();
            }
        }, LazyAnyValueOptions.builder().omitEmptyArray(true).build()));
        // CloudFormation rewrites a stage's method settings without these two settings: a change
        // of the method settings makes the resource apply them again
        properties.put("MethodSettingsHash", Lazy.string(new IStableStringProducer() {
            @Override
            public String produce() {
                try {
                    return Hashing.sha256Hex(JSON.writeValueAsBytes(stack.resolve(rendered.get().methodSettings())));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("the method settings could not be hashed", e);
                }
            }
        }));
        CustomResource resource = CustomResource.Builder.create(api, "StageCache")
                .serviceToken(function.getFunctionArn())
                .resourceType("Custom::GatehouseStageCache")
                .properties(properties)
                .build();
        resource.getNode().addDependency(stage);

        CfnOutput.Builder.create(api, "RestApiId")
                .description("Id of " + apiName + ": aws apigateway flush-stage-cache --rest-api-id <this> --stage-name <StageName>")
                .value(restApiId)
                .build();
        CfnOutput.Builder.create(api, "StageName")
                .description("Stage of " + apiName + " whose cache flush-stage-cache flushes")
                .value(stage.getStageName())
                .build();
        return resource;
    }
}
