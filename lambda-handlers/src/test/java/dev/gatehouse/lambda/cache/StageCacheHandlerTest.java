package dev.gatehouse.lambda.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stage cache handler, driven through {@link StageCacheHandler} with the AWS SDK's API Gateway
 * client pointed at {@link LocalApiGateway}.
 */
class StageCacheHandlerTest {
    private final List<Duration> pauses = new ArrayList<>();

    private StageCacheHandler handler(LocalApiGateway apiGateway) {
        return new StageCacheHandler(new StageCacheUpdater(apiGateway.client(), pauses::add));
    }

    private static Map<String, Object> properties(String deploymentId, String flush) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:provider");
        properties.put("RestApiId", LocalApiGateway.API_ID);
        properties.put("StageName", LocalApiGateway.STAGE);
        properties.put("DeploymentId", deploymentId);
        properties.put("FlushOnDeploy", flush);
        properties.put("RequireAuthorizationForCacheControl", "true");
        properties.put("UnauthorizedCacheControlHeaderStrategy", "FAIL_WITH_403");
        properties.put("MethodSettingsHash", "abc");
        return properties;
    }

    private static Map<String, Object> event(String type, Map<String, Object> properties, Map<String, Object> old) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("RequestType", type);
        event.put("ResourceProperties", properties);
        if (old != null) {
            event.put("OldResourceProperties", old);
        }
        return event;
    }

    private static LocalApiGateway stage(String status) throws Exception {
        return new LocalApiGateway(Map.of(
                "*/*", LocalApiGateway.setting(false),
                "~1orders~1{id}/GET", LocalApiGateway.setting(true),
                "~1catalog~1{proxy+}/GET", LocalApiGateway.setting(true),
                "~1health/GET", LocalApiGateway.setting(false)), status);
    }

    @Test
    void createGivesEveryCachedMethodTheInvalidationSettingsAndLeavesTheOthers() throws Exception {
        try (LocalApiGateway apiGateway = stage("AVAILABLE")) {
            // When the resource is created with the defaults (require authorization, 403)
            Map<String, Object> response = handler(apiGateway).handleRequest(event("Create", properties("d1", "false"), null), null);

            // Then the two cached method settings answer unauthorized invalidations 403, in one signed PATCH
            assertEquals("a1b2c3d4e5/prod/cache", response.get("PhysicalResourceId"));
            assertEquals(Map.of("PatchOperations", "2", "Flushed", "false"), response.get("Data"));
            assertEquals("FAIL_WITH_403", apiGateway.settingField("~1orders~1{id}/GET", "unauthorizedCacheControlHeaderStrategy"));
            assertEquals("FAIL_WITH_403", apiGateway.settingField("~1catalog~1{proxy+}/GET", "unauthorizedCacheControlHeaderStrategy"));
            assertEquals("SUCCEED_WITH_RESPONSE_HEADER", apiGateway.settingField("~1health/GET", "unauthorizedCacheControlHeaderStrategy"));
            assertEquals("SUCCEED_WITH_RESPONSE_HEADER", apiGateway.settingField("*/*", "unauthorizedCacheControlHeaderStrategy"));
            List<LocalApiGateway.Received> patches = apiGateway.requests("PATCH");
            assertEquals(1, patches.size());
            assertEquals("/restapis/a1b2c3d4e5/stages/prod", patches.get(0).path());
            assertEquals("[{\"op\":\"replace\",\"path\":\"/~1catalog~1{proxy+}/GET/caching/unauthorizedCacheControlHeaderStrategy\","
                    + "\"value\":\"FAIL_WITH_403\"},{\"op\":\"replace\",\"path\":\"/~1orders~1{id}/GET/caching/"
                    + "unauthorizedCacheControlHeaderStrategy\",\"value\":\"FAIL_WITH_403\"}]",
                    patches.get(0).body().get("patchOperations").toString());
            assertTrue(patches.get(0).authorization().startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"),
                    patches.get(0).authorization());
            assertEquals(List.of(), apiGateway.requests("DELETE"), "nothing is flushed on create");

            // And applying the same settings again changes nothing
            Map<String, Object> again = handler(apiGateway).handleRequest(event("Create", properties("d1", "false"), null), null);
            assertEquals(Map.of("PatchOperations", "0", "Flushed", "false"), again.get("Data"));
            assertEquals(1, apiGateway.requests("PATCH").size());
        }
    }

    @Test
    void overridesApplyToTheMethodSettingsTheyName() throws Exception {
        try (LocalApiGateway apiGateway = stage("AVAILABLE")) {
            // Given a route that lets anyone invalidate, and one that is silent about refusals
            Map<String, Object> properties = properties("d1", "false");
            properties.put("Overrides", List.of(
                    Map.of("MethodSettingKeys", List.of("~1catalog~1{proxy+}/GET"), "RequireAuthorizationForCacheControl",
                            "false", "UnauthorizedCacheControlHeaderStrategy", "SUCCEED_WITHOUT_RESPONSE_HEADER")));

            // When the resource is updated
            handler(apiGateway).handleRequest(event("Update", properties, properties("d1", "false")), null);

            // Then each cached method has its own settings
            assertEquals("false", apiGateway.settingField("~1catalog~1{proxy+}/GET", "requireAuthorizationForCacheControl"));
            assertEquals("SUCCEED_WITHOUT_RESPONSE_HEADER",
                    apiGateway.settingField("~1catalog~1{proxy+}/GET", "unauthorizedCacheControlHeaderStrategy"));
            assertEquals("true", apiGateway.settingField("~1orders~1{id}/GET", "requireAuthorizationForCacheControl"));
            assertEquals("FAIL_WITH_403", apiGateway.settingField("~1orders~1{id}/GET", "unauthorizedCacheControlHeaderStrategy"));
        }
    }

    @Test
    void anOverrideOfAMethodSettingTheStageDoesNotCacheFailsAndSaysWhichItHas() throws Exception {
        try (LocalApiGateway apiGateway = stage("AVAILABLE")) {
            Map<String, Object> properties = properties("d1", "false");
            properties.put("Overrides", List.of(Map.of("MethodSettingKeys", List.of("~1health/GET"),
                    "RequireAuthorizationForCacheControl", "true", "UnauthorizedCacheControlHeaderStrategy", "FAIL_WITH_403")));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> handler(apiGateway).handleRequest(event("Create", properties, null), null));
            assertEquals("the stage has no cached method setting '~1health/GET' to give its own invalidation settings; "
                    + "its cached method settings are [~1catalog~1{proxy+}/GET, ~1orders~1{id}/GET].", e.getMessage());
            assertEquals(List.of(), apiGateway.requests("PATCH"), "nothing was changed");
        }
    }

    @Test
    void aNewDeploymentFlushesTheCacheWhenAskedAndOnlyThen() throws Exception {
        try (LocalApiGateway apiGateway = stage("AVAILABLE")) {
            // the same deployment (only the method settings changed): no flush
            Map<String, Object> same = handler(apiGateway).handleRequest(
                    event("Update", properties("d1", "true"), properties("d1", "true")), null);
            assertEquals("false", ((Map<?, ?>) same.get("Data")).get("Flushed"));
            assertEquals(List.of(), apiGateway.requests("DELETE"));

            // a new deployment without flushOnDeploy: no flush
            handler(apiGateway).handleRequest(event("Update", properties("d2", "false"), properties("d1", "false")), null);
            assertEquals(List.of(), apiGateway.requests("DELETE"));

            // a new deployment with flushOnDeploy: FlushStageCache
            Map<String, Object> flushed = handler(apiGateway).handleRequest(
                    event("Update", properties("d3", "true"), properties("d2", "true")), null);
            assertEquals("true", ((Map<?, ?>) flushed.get("Data")).get("Flushed"));
            assertEquals(List.of("/restapis/a1b2c3d4e5/stages/prod/cache/data"),
                    apiGateway.requests("DELETE").stream().map(LocalApiGateway.Received::path).toList());
        }
    }

    @Test
    void aCacheStillBeingCreatedIsNotFlushed() throws Exception {
        try (LocalApiGateway apiGateway = stage("CREATE_IN_PROGRESS")) {
            Map<String, Object> response = handler(apiGateway).handleRequest(
                    event("Update", properties("d2", "true"), properties("d1", "true")), null);
            assertEquals("false (cache cluster CREATE_IN_PROGRESS)", ((Map<?, ?>) response.get("Data")).get("Flushed"));
            assertEquals(List.of(), apiGateway.requests("DELETE"));
        }
    }

    @Test
    void conflictsAreRetriedAfterAPause() throws Exception {
        try (LocalApiGateway apiGateway = stage("AVAILABLE")) {
            // Given a stage API Gateway is still changing: two calls answered 409
            apiGateway.answerConflicts(2);

            // When the resource is created, Then it waits twice and succeeds
            Map<String, Object> response = handler(apiGateway).handleRequest(event("Create", properties("d1", "false"), null), null);
            assertEquals("2", ((Map<?, ?>) response.get("Data")).get("PatchOperations"));
            assertEquals(List.of(StageCacheUpdater.RETRY_PAUSE, StageCacheUpdater.RETRY_PAUSE), pauses);
            assertEquals("FAIL_WITH_403", apiGateway.settingField("~1orders~1{id}/GET", "unauthorizedCacheControlHeaderStrategy"));
        }
    }

    @Test
    void persistentConflictsFailWithApiGatewaysMessage() throws Exception {
        try (LocalApiGateway apiGateway = stage("AVAILABLE")) {
            apiGateway.answerConflicts(StageCacheUpdater.ATTEMPTS);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> handler(apiGateway).handleRequest(event("Create", properties("d1", "false"), null), null));
            assertEquals("API Gateway still answered ConflictException after " + StageCacheUpdater.ATTEMPTS
                    + " attempts: Unable to complete operation due to concurrent modification. Please try again later.",
                    e.getMessage());
            assertEquals(StageCacheUpdater.ATTEMPTS - 1, pauses.size());
        }
    }

    @Test
    void otherRefusalsFailAtOnceWithApiGatewaysMessage() throws Exception {
        try (LocalApiGateway apiGateway = stage("AVAILABLE")) {
            Map<String, Object> properties = properties("d1", "false");
            properties.put("StageName", "staging");
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> handler(apiGateway).handleRequest(event("Create", properties, null), null));
            assertEquals("API Gateway refused the request (404 NotFoundException): Invalid Stage identifier specified",
                    e.getMessage());
            assertEquals(List.of(), pauses);
        }
    }

    @Test
    void deleteLeavesTheStageAlone() throws Exception {
        try (LocalApiGateway apiGateway = stage("AVAILABLE")) {
            Map<String, Object> response = handler(apiGateway).handleRequest(event("Delete", properties("d1", "true"), null), null);
            assertEquals(Map.of("PhysicalResourceId", "a1b2c3d4e5/prod/cache"), response);
            assertEquals(List.of(), apiGateway.received);
        }
    }

    @Test
    void badPropertiesAreRefusedWithWhatIsWrong() throws Exception {
        try (LocalApiGateway apiGateway = stage("AVAILABLE")) {
            Map<String, Object> properties = properties("d1", "false");
            properties.put("UnauthorizedCacheControlHeaderStrategy", "IGNORE");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> handler(apiGateway).handleRequest(event("Create", properties, null), null));
            assertEquals("UnauthorizedCacheControlHeaderStrategy must be FAIL_WITH_403, SUCCEED_WITH_RESPONSE_HEADER or "
                    + "SUCCEED_WITHOUT_RESPONSE_HEADER, not \"IGNORE\"", e.getMessage());
            properties.remove("RestApiId");
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> handler(apiGateway).handleRequest(event("Create", properties, null), null));
            assertEquals("ResourceProperties.RestApiId is missing or blank", missing.getMessage());
            assertEquals(List.of(), apiGateway.received);
        }
    }
}
