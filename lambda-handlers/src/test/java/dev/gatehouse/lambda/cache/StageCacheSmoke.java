package dev.gatehouse.lambda.cache;

import java.util.List;
import java.util.Map;

/**
 * Run by {@link StageCacheShadedJarTest} in a separate JVM whose class path is only the shaded
 * stage-cache jar (plus this class): builds the handler from the environment as Lambda would and
 * handles one Update event that flushes the cache, answering CloudFormation at the URL given.
 */
public final class StageCacheSmoke {
    private StageCacheSmoke() {
    }

    public static void main(String[] args) {
        Map<String, Object> properties = Map.of("RestApiId", args[0], "StageName", args[1], "DeploymentId", "d2",
                "FlushOnDeploy", "true", "RequireAuthorizationForCacheControl", "true",
                "UnauthorizedCacheControlHeaderStrategy", "FAIL_WITH_403",
                "Overrides", List.of(Map.of("MethodSettingKeys", List.of("~1catalog/GET"),
                        "RequireAuthorizationForCacheControl", "true",
                        "UnauthorizedCacheControlHeaderStrategy", "SUCCEED_WITHOUT_RESPONSE_HEADER")));
        Map<String, Object> old = Map.of("RestApiId", args[0], "StageName", args[1], "DeploymentId", "d1",
                "FlushOnDeploy", "true", "RequireAuthorizationForCacheControl", "true",
                "UnauthorizedCacheControlHeaderStrategy", "FAIL_WITH_403");
        Map<String, Object> response = new StageCacheHandler().handleRequest(Map.of("RequestType", "Update",
                "ResponseURL", args[2], "StackId", "arn:aws:cloudformation:eu-west-1:123456789012:stack/S/1",
                "RequestId", "smoke", "LogicalResourceId", "ApiStageCache", "PhysicalResourceId", "old",
                "ResourceProperties", properties, "OldResourceProperties", old), null);
        System.out.println("RESPONSE " + response.get("Status") + " " + response.get("PhysicalResourceId"));
    }
}
