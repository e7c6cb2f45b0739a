package dev.gatehouse.lambda.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stage cache handler, driven through {@link StageCacheHandler} with the AWS SDK's API Gateway
 * client pointed at {@link LocalApiGateway}, answering CloudFormation at a {@link ResponseUrl}.
 */
class StageCacheHandlerTest {
    private final List<Duration> pauses = new ArrayList<>();
    private ResponseUrl responseUrl;

    @BeforeEach
    void start() throws Exception {
        responseUrl = new ResponseUrl();
    }

    @AfterEach
    void stop() {
        responseUrl.close();
    }

    /** Handles {@code event} and returns what CloudFormation was told. */
    private JsonNode answer(LocalApiGateway apiGateway, Map<String, Object> event) {
        int before = responseUrl.answers.size();
        new StageCacheHandler(new StageCacheUpdater(apiGateway.client(), pauses::add), CloudFormationResponse.create())
                .handleRequest(event, null);
        assertEquals(before + 1, responseUrl.answers.size(), "one answer per event");
        ResponseUrl.Answer answer = responseUrl.answers.get(before);
        assertEquals("PUT", answer.method());
        assertEquals(null, answer.contentType(), "no Content-Type: the presigned URL's signature does not cover one");
        return answer.body();
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

    private Map<String, Object> event(String type, Map<String, Object> properties, Map<String, Object> old) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("RequestType", type);
        event.put("ResponseURL", responseUrl.url());
        event.put("StackId", "arn:aws:cloudformation:eu-west-1:123456789012:stack/S/1");
        event.put("RequestId", "request-1");
        event.put("LogicalResourceId", "ApiStageCache");
        event.put("ResourceType", "Custom::GatehouseStageCache");
        if (!type.equals("Create")) {
            event.put("PhysicalResourceId", "a1b2c3d4e5/prod/cache");
        }
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
            JsonNode answer = answer(apiGateway, event("Create", properties("d1", "false"), null));

            // Then CloudFormation is told it succeeded, with the resource's id and what was done
            assertEquals("SUCCESS", answer.get("Status").asText());
            assertEquals("a1b2c3d4e5/prod/cache", answer.get("PhysicalResourceId").asText());
            assertEquals("arn:aws:cloudformation:eu-west-1:123456789012:stack/S/1", answer.get("StackId").asText());
            assertEquals("request-1", answer.get("RequestId").asText());
            assertEquals("ApiStageCache", answer.get("LogicalResourceId").asText());
            assertEquals("{\"Flushed\":\"false\",\"PatchOperations\":\"2\"}", sorted(answer.get("Data")));
            // And the two cached method settings answer unauthorized invalidations 403, in one signed PATCH
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
            JsonNode again = answer(apiGateway, event("Create", properties("d1", "false"), null));
            assertEquals("{\"Flushed\":\"false\",\"PatchOperations\":\"0\"}", sorted(again.get("Data")));
            assertEquals(1, apiGateway.requests("PATCH").size());
        }
    }

    @Test
    void overridesApplyToTheMethodSettingsTheyName() throws Exception {
        try (LocalApiGateway apiGateway = stage("AVAILABLE")) {
            // Given a route that lets anyone invalidate, and is silent about refusals
            Map<String, Object> properties = properties("d1", "false");
            properties.put("Overrides", List.of(
                    Map.of("MethodSettingKeys", List.of("~1catalog~1{proxy+}/GET"), "RequireAuthorizationForCacheControl",
                            "false", "UnauthorizedCacheControlHeaderStrategy", "SUCCEED_WITHOUT_RESPONSE_HEADER")));

            // When the resource is updated
            assertEquals("SUCCESS", answer(apiGateway, event("Update", properties, properties("d1", "false")))
                    .get("Status").asText());

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
            JsonNode answer = answer(apiGateway, event("Create", properties, null));
            assertEquals("FAILED", answer.get("Status").asText());
            assertEquals("the stage has no cached method setting '~1health/GET' to give its own invalidation settings; "
                    + "its cached method settings are [~1catalog~1{proxy+}/GET, ~1orders~1{id}/GET].",
                    answer.get("Reason").asText());
            assertEquals("failed-request-1", answer.get("PhysicalResourceId").asText(), "a failed create has no resource");
            assertEquals(List.of(), apiGateway.requests("PATCH"), "nothing was changed");
        }
    }

    @Test
    void aNewDeploymentFlushesTheCacheWhenAskedAndOnlyThen() throws Exception {
        try (LocalApiGateway apiGateway = stage("AVAILABLE")) {
            // the same deployment (only the method settings changed): no flush
            JsonNode same = answer(apiGateway, event("Update", properties("d1", "true"), properties("d1", "true")));
            assertEquals("false", same.at("/Data/Flushed").asText());
            assertEquals(List.of(), apiGateway.requests("DELETE"));

            // a new deployment without flushOnDeploy: no flush
            answer(apiGateway, event("Update", properties("d2", "false"), properties("d1", "false")));
            assertEquals(List.of(), apiGateway.requests("DELETE"));

            // a new deployment with flushOnDeploy: FlushStageCache
            JsonNode flushed = answer(apiGateway, event("Update", properties("d3", "true"), properties("d2", "true")));
            assertEquals("true", flushed.at("/Data/Flushed").asText());
            assertEquals(List.of("/restapis/a1b2c3d4e5/stages/prod/cache/data"),
                    apiGateway.requests("DELETE").stream().map(LocalApiGateway.Received::path).toList());
        }
    }

    @Test
    void aCacheStillBeingCreatedIsNotFlushed() throws Exception {
        try (LocalApiGateway apiGateway = stage("CREATE_IN_PROGRESS")) {
            JsonNode answer = answer(apiGateway, event("Update", properties("d2", "true"), properties("d1", "true")));
            assertEquals("false (cache cluster CREATE_IN_PROGRESS)", answer.at("/Data/Flushed").asText());
            assertEquals(List.of(), apiGateway.requests("DELETE"));
        }
    }

    @Test
    void conflictsAreRetriedAfterAPause() throws Exception {
        try (LocalApiGateway apiGateway = stage("AVAILABLE")) {
            // Given a stage API Gateway is still changing: two calls answered 409
            apiGateway.answerConflicts(2);

            // When the resource is created, Then it waits twice and succeeds
            JsonNode answer = answer(apiGateway, event("Create", properties("d1", "false"), null));
            assertEquals("SUCCESS", answer.get("Status").asText());
            assertEquals("2", answer.at("/Data/PatchOperations").asText());
            assertEquals(List.of(StageCacheUpdater.RETRY_PAUSE, StageCacheUpdater.RETRY_PAUSE), pauses);
            assertEquals("FAIL_WITH_403", apiGateway.settingField("~1orders~1{id}/GET", "unauthorizedCacheControlHeaderStrategy"));
        }
    }

    @Test
    void persistentConflictsFailWithApiGatewaysMessage() throws Exception {
        try (LocalApiGateway apiGateway = stage("AVAILABLE")) {
            apiGateway.answerConflicts(StageCacheUpdater.ATTEMPTS);
            JsonNode answer = answer(apiGateway, event("Update", properties("d1", "false"), properties("d1", "false")));
            assertEquals("FAILED", answer.get("Status").asText());
            assertEquals("API Gateway still answered ConflictException after " + StageCacheUpdater.ATTEMPTS
                    + " attempts: Unable to complete operation due to concurrent modification. Please try again later.",
                    answer.get("Reason").asText());
            assertEquals("a1b2c3d4e5/prod/cache", answer.get("PhysicalResourceId").asText(), "an update keeps the id");
            assertEquals(StageCacheUpdater.ATTEMPTS - 1, pauses.size());
        }
    }

    @Test
    void otherRefusalsFailAtOnceWithApiGatewaysMessage() throws Exception {
        try (LocalApiGateway apiGateway = stage("AVAILABLE")) {
            Map<String, Object> properties = properties("d1", "false");
            properties.put("StageName", "staging");
            JsonNode answer = answer(apiGateway, event("Create", properties, null));
            assertEquals("FAILED", answer.get("Status").asText());
            assertEquals("API Gateway refused the request (404 NotFoundException): Invalid Stage identifier specified",
                    answer.get("Reason").asText());
            assertEquals(List.of(), pauses);
        }
    }

    @Test
    void deleteLeavesTheStageAlone() throws Exception {
        try (LocalApiGateway apiGateway = stage("AVAILABLE")) {
            JsonNode answer = answer(apiGateway, event("Delete", properties("d1", "true"), null));
            assertEquals("SUCCESS", answer.get("Status").asText());
            assertEquals("a1b2c3d4e5/prod/cache", answer.get("PhysicalResourceId").asText());
            assertEquals(List.of(), apiGateway.received);
        }
    }

    @Test
    void badPropertiesAreRefusedWithWhatIsWrong() throws Exception {
        try (LocalApiGateway apiGateway = stage("AVAILABLE")) {
            Map<String, Object> properties = properties("d1", "false");
            properties.put("UnauthorizedCacheControlHeaderStrategy", "IGNORE");
            assertEquals("UnauthorizedCacheControlHeaderStrategy must be FAIL_WITH_403, SUCCEED_WITH_RESPONSE_HEADER or "
                    + "SUCCEED_WITHOUT_RESPONSE_HEADER, not \"IGNORE\"",
                    answer(apiGateway, event("Create", properties, null)).get("Reason").asText());
            properties.remove("RestApiId");
            assertEquals("ResourceProperties.RestApiId is missing or blank",
                    answer(apiGateway, event("Create", properties, null)).get("Reason").asText());
            assertEquals(List.of(), apiGateway.received);
        }
    }

    @Test
    void reasonsAreEscapedAsJson() {
        StringBuilder out = new StringBuilder();
        CloudFormationResponse.quote(out, "a \"quote\", a \\ and a\nline\u0001");
        assertEquals("\"a \\\"quote\\\", a \\\\ and a\\nline\\u0001\"", out.toString());
    }

    /** A JSON object's fields sorted by name, as text. */
    private static String sorted(JsonNode object) {
        return new com.fasterxml.jackson.databind.ObjectMapper().convertValue(
                new java.util.TreeMap<>(new com.fasterxml.jackson.databind.ObjectMapper().convertValue(object, Map.class)),
                JsonNode.class).toString();
    }
}
