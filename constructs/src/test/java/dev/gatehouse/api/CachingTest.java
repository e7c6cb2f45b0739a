package dev.gatehouse.api;

import static dev.gatehouse.testing.Fixtures.countResources;
import static dev.gatehouse.testing.Fixtures.onlyResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.auth.LambdaAuthorizer;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.integrations.RouteIntegration;
import dev.gatehouse.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import dev.gatehouse.auth.IdentitySources;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;

/** What each cache setting puts into the template: stage, method settings, document, custom resource, grants. */
class CachingTest {
    private static final RouteIntegration OK = Integrations.mock(MockResponse.json(200, "{}"));
    private static JsonNode template;
    private static JsonNode stage;
    private static JsonNode document;

    @BeforeAll
    static void synthesize() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        Function fn = Fixtures.function(stack, "Fn");
        LambdaAuthorizer token = LambdaAuthorizer.token(fn).name("Token").build();
        LambdaAuthorizer request = LambdaAuthorizer.request(fn).name("Tenant")
                .identitySources(IdentitySources.header("X-Tenant"), IdentitySources.queryString("token"),
                        IdentitySources.context("identity.sourceIp"))
                .build();
        GatewayApi api = GatewayApi.Builder.create(stack, "Api")
                .stage(StageSettings.builder()
                        .cacheClusterSize("6.1")
                        .caching(CacheSettings.builder().ttl(Duration.minutes(2)).build())
                        .flushCacheOnDeploy(true)
                        .build())
                .build();
        api.route("GET /catalog/{proxy+}", Integrations.http("https://catalog.example.com/{proxy}"), RouteOptions.builder()
                .authorization(token.authorization())
                .throttle(Throttle.of(5, 10))
                .caching(CacheSettings.builder().enabled(true).sharedAcrossCallers(true).key(CacheKey.query("page")).build())
                .build());
        api.route("GET /me", Integrations.lambda(fn), RouteOptions.builder()
                .authorization(token.authorization())
                .caching(CacheSettings.builder().enabled(true).ttl(Duration.seconds(30)).key(CacheKey.caller()).build())
                .build());
        api.route("GET /tenants/{tenant}/report", Integrations.lambda(fn), RouteOptions.builder()
                .authorization(request.authorization())
                .caching(CacheSettings.builder().enabled(true).key(CacheKey.caller(), CacheKey.header("Accept")).build())
                .build());
        api.route("ANY /files/{name}", OK, RouteOptions.builder()
                .authorization(Authorization.iam())
                .throttle(Throttle.of(1, 2))
                .caching(CacheSettings.builder().enabled(true).sharedAcrossCallers(true).build())
                .build());
        api.route("DELETE /files/{name}", OK, RouteOptions.of(Authorization.iam()));
        api.route("GET /prices", OK, RouteOptions.builder()
                .authorization(Authorization.none())
                .caching(CacheSettings.builder().enabled(true)
                        .unauthorizedCacheControl(UnauthorizedCacheControl.SUCCEED_WITHOUT_RESPONSE_HEADER).build())
                .build());
        api.route("GET /health", OK, RouteOptions.of(Authorization.none()));
        api.grantInvalidateCache(Role.Builder.create(stack, "Refresher").assumedBy(new AccountRootPrincipal()).build(),
                "GET /catalog/{proxy+}", "ANY /files/{name}");
        template = Fixtures.templateJson(stack);
        stage = onlyResource(template, "AWS::ApiGateway::Stage").get("Properties");
        document = onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Body");
    }

    private static JsonNode setting(String resourcePath, String method) {
        for (JsonNode setting : stage.get("MethodSettings")) {
            if (setting.get("ResourcePath").asText().equals(resourcePath) && setting.get("HttpMethod").asText().equals(method)) {
                return setting;
            }
        }
        throw new AssertionError("no method setting " + method + " " + resourcePath + " in " + stage.get("MethodSettings"));
    }

    private static List<String> methodsOf(String resourcePath) {
        List<String> methods = new ArrayList<>();
        stage.get("MethodSettings").forEach(s -> {
            if (s.get("ResourcePath").asText().equals(resourcePath)) {
                methods.add(s.get("HttpMethod").asText());
            }
        });
        return methods;
    }

    @Test
    void theStageHasItsCacheClusterAndStageWideSettings() {
        assertTrue(stage.get("CacheClusterEnabled").asBoolean());
        assertEquals("6.1", stage.get("CacheClusterSize").asText());
        JsonNode all = setting("/*", "*");
        assertFalse(all.get("CachingEnabled").asBoolean(), "no route is cached unless it asks");
        assertEquals(120, all.get("CacheTtlInSeconds").asInt());
        assertTrue(all.get("CacheDataEncrypted").asBoolean(), "encrypted by default");
    }

    @Test
    void throttlingAndCachingOfARouteShareOneEntry() {
        assertEquals(List.of("GET"), methodsOf("/~1catalog~1{proxy+}"));
        JsonNode catalog = setting("/~1catalog~1{proxy+}", "GET");
        assertEquals(5, catalog.get("ThrottlingRateLimit").asInt());
        assertEquals(10, catalog.get("ThrottlingBurstLimit").asInt());
        assertTrue(catalog.get("CachingEnabled").asBoolean());
        assertEquals(120, catalog.get("CacheTtlInSeconds").asInt(), "the stage's TTL");
        assertEquals("ERROR", catalog.get("LoggingLevel").asText(), "the stage's logging, repeated");
        JsonNode me = setting("/~1me", "GET");
        assertEquals(30, me.get("CacheTtlInSeconds").asInt(), "the route's own TTL");
        assertFalse(me.has("ThrottlingRateLimit"));
    }

    @Test
    void anAnyRouteGetsOneEntryPerMethodItServesAndCachesOnlyGet() {
        // DELETE has its own route on the path; no CORS, so the ANY route also serves OPTIONS
        assertEquals(List.of("GET", "POST", "PUT", "PATCH", "HEAD", "OPTIONS"), methodsOf("/~1files~1{name}"));
        for (String method : methodsOf("/~1files~1{name}")) {
            JsonNode entry = setting("/~1files~1{name}", method);
            assertEquals(1, entry.get("ThrottlingRateLimit").asInt(), method);
            assertEquals(method.equals("GET"), entry.get("CachingEnabled").asBoolean(), method);
        }
        assertFalse(stage.get("MethodSettings").toString().contains("\"ANY\""), stage.get("MethodSettings").toString());
    }

    @Test
    void routesWithoutTheirOwnSettingsHaveNoEntryAndNoCacheKey() {
        assertEquals(List.of(), methodsOf("/~1health"));
        assertFalse(document.at("/paths/~1health/get/x-amazon-apigateway-integration").has("cacheKeyParameters"));
        assertFalse(document.at("/paths/~1files~1{name}/delete/x-amazon-apigateway-integration").has("cacheKeyParameters"));
    }

    @Test
    void theCacheKeyHoldsThePathVariablesTheListedPartsAndTheCaller() {
        JsonNode catalog = document.at("/paths/~1catalog~1{proxy+}/get");
        assertEquals("[\"method.request.path.proxy\",\"method.request.querystring.page\"]",
                catalog.at("/x-amazon-apigateway-integration/cacheKeyParameters").toString());
        assertEquals("GET /catalog/{proxy+}", catalog.at("/x-amazon-apigateway-integration/cacheNamespace").asText());
        // the query parameter is declared, optional, as API Gateway requires of cache key parameters
        assertEquals("{\"name\":\"page\",\"in\":\"query\",\"required\":false,\"schema\":{\"type\":\"string\"}}",
                catalog.at("/parameters/1").toString());

        JsonNode me = document.at("/paths/~1me/get");
        assertEquals("[\"method.request.header.Authorization\"]",
                me.at("/x-amazon-apigateway-integration/cacheKeyParameters").toString(), "the TOKEN authorizer's header");
        assertEquals("Authorization", me.at("/parameters/0/name").asText());
        assertEquals("header", me.at("/parameters/0/in").asText());

        JsonNode report = document.at("/paths/~1tenants~1{tenant}~1report/get");
        assertEquals("[\"method.request.path.tenant\",\"method.request.header.Accept\",\"method.request.header.X-Tenant\","
                        + "\"method.request.querystring.token\"]",
                report.at("/x-amazon-apigateway-integration/cacheKeyParameters").toString(),
                "the REQUEST authorizer's header and query identity sources (its context source cannot be a key)");

        JsonNode files = document.at("/paths/~1files~1{name}/x-amazon-apigateway-any-method");
        assertEquals("[\"method.request.path.name\"]", files.at("/x-amazon-apigateway-integration/cacheKeyParameters").toString());
    }

    @Test
    void theCustomResourceAppliesInvalidationSettingsAndFlushesOnDeploy() {
        JsonNode resource = onlyResource(template, "Custom::GatehouseStageCache");
        JsonNode properties = resource.get("Properties");
        assertEquals("true", properties.get("FlushOnDeploy").asText());
        assertEquals("true", properties.get("RequireAuthorizationForCacheControl").asText());
        assertEquals("FAIL_WITH_403", properties.get("UnauthorizedCacheControlHeaderStrategy").asText(), "the default");
        assertEquals("[{\"MethodSettingKeys\":[\"~1prices/GET\"],\"RequireAuthorizationForCacheControl\":\"true\","
                + "\"UnauthorizedCacheControlHeaderStrategy\":\"SUCCEED_WITHOUT_RESPONSE_HEADER\"}]",
                properties.get("Overrides").toString());
        assertEquals(64, properties.get("MethodSettingsHash").asText().length());
        String deployment = onlyResource(template, "AWS::ApiGateway::Deployment").get("id").asText();
        assertEquals(Map.of("Ref", deployment), Fixtures.JSON.convertValue(properties.get("DeploymentId"), Map.class));
        String stageId = onlyResource(template, "AWS::ApiGateway::Stage").get("id").asText();
        assertTrue(resource.get("DependsOn").toString().contains(stageId), "applied after the stage");
        assertTrue(template.at("/Outputs").toString().contains("RestApiId"), template.at("/Outputs").toString());
    }

    @Test
    void theCustomResourcesRoleMayOnlyReadAndPatchThisStageAndFlushItsCache() {
        Map<String, String> resourceByAction = new java.util.TreeMap<>();
        template.get("Resources").forEach(resource -> {
            if (resource.get("Type").asText().equals("AWS::IAM::Policy")) {
                resource.at("/Properties/PolicyDocument/Statement").forEach(statement -> {
                    String actions = statement.get("Action").toString();
                    if (actions.contains("apigateway:")) {
                        resourceByAction.put(actions, statement.get("Resource").toString());
                    }
                });
            }
        });
        assertEquals(List.of("\"apigateway:DELETE\"", "[\"apigateway:GET\",\"apigateway:PATCH\"]"),
                List.copyOf(resourceByAction.keySet()));
        String api = onlyResource(template, "AWS::ApiGateway::RestApi").get("id").asText();
        String stageArn = "\":apigateway:\",{\"Ref\":\"AWS::Region\"},\"::/restapis/\",{\"Ref\":\"" + api + "\"},\"/stages/prod";
        assertTrue(resourceByAction.get("[\"apigateway:GET\",\"apigateway:PATCH\"]").endsWith(stageArn + "\"]]}"),
                resourceByAction.toString());
        assertTrue(resourceByAction.get("\"apigateway:DELETE\"").endsWith(stageArn + "/cache/data\"]]}"),
                resourceByAction.toString());
    }

    @Test
    void grantInvalidateCacheGrantsTheActionOnTheNamedRoutes() {
        String resources = template.get("Resources").toString();
        assertTrue(resources.contains("\"Action\":\"execute-api:InvalidateCache\""), resources);
        assertTrue(resources.contains("/prod/GET/catalog/*"), resources);
        assertTrue(resources.contains("/prod/*/files/*"), resources);
    }

    @Test
    void theTemplatePassesTheDeployChecks() {
        Fixtures.assertPassesDeployChecks(template);
    }

    /** A stack whose API has a cache cluster and one cached route, changed by {@code change}. */
    private static String methodSettingsHash(Consumer<RouteOptions.Builder> change) {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = GatewayApi.Builder.create(stack, "Api")
                .stage(StageSettings.builder().cacheClusterSize("0.5").build()).build();
        RouteOptions.Builder options = RouteOptions.builder().authorization(Authorization.none())
                .caching(CacheSettings.builder().enabled(true).build());
        change.accept(options);
        api.route("GET /a", OK, options.build());
        return onlyResource(Fixtures.templateJson(stack), "Custom::GatehouseStageCache")
                .at("/Properties/MethodSettingsHash").asText();
    }

    @Test
    void aChangeOfTheMethodSettingsAppliesTheInvalidationSettingsAgain() {
        String before = methodSettingsHash(o -> { });
        assertEquals(before, methodSettingsHash(o -> { }), "the same settings, the same hash");
        assertNotEquals(before, methodSettingsHash(o -> o.throttle(Throttle.of(1, 1))));
    }

    @Test
    void theStagesCachingCoversGetRoutesThatSayNothing() {
        // Given a stage that caches GET routes, and routes without caching settings of their own
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = GatewayApi.Builder.create(stack, "Api").stage(StageSettings.builder().cacheClusterSize("0.5")
                .caching(CacheSettings.builder().enabled(true).dataEncrypted(false).build()).build()).build();
        api.route("GET /prices/{id}", OK, RouteOptions.of(Authorization.none()));
        api.route("POST /prices", OK, RouteOptions.of(Authorization.none()));
        api.route("GET /live", OK, RouteOptions.builder().authorization(Authorization.none())
                .caching(CacheSettings.builder().enabled(false).build()).build());

        // When synthesized
        JsonNode synthesized = Fixtures.templateJson(stack);
        JsonNode settings = onlyResource(synthesized, "AWS::ApiGateway::Stage").at("/Properties/MethodSettings");
        JsonNode body = onlyResource(synthesized, "AWS::ApiGateway::RestApi").at("/Properties/Body");

        // Then the stage-wide entry caches (API Gateway applies it to GET methods), unencrypted as asked
        assertTrue(settings.at("/0/CachingEnabled").asBoolean());
        assertFalse(settings.at("/0/CacheDataEncrypted").asBoolean());
        // the GET route has its key (its path variable) and no entry of its own; the POST route neither
        assertEquals("[\"method.request.path.id\"]",
                body.at("/paths/~1prices~1{id}/get/x-amazon-apigateway-integration/cacheKeyParameters").toString());
        assertTrue(body.at("/paths/~1prices/post/x-amazon-apigateway-integration/cacheKeyParameters").isMissingNode());
        // the route that turns caching off has its own entry saying so
        assertEquals(2, settings.size(), settings.toString());
        assertEquals("/~1live", settings.at("/1/ResourcePath").asText());
        assertFalse(settings.at("/1/CachingEnabled").asBoolean());
    }

    @Test
    void withoutACacheClusterNothingOfCachingIsInTheTemplate() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /a/{id}", OK, RouteOptions.builder().authorization(Authorization.none())
                .throttle(Throttle.of(1, 1)).build());
        JsonNode plain = Fixtures.templateJson(stack);
        assertEquals(0, countResources(plain, "Custom::GatehouseStageCache"));
        assertEquals(0, countResources(plain, "AWS::Lambda::Function"));
        String text = plain.toString();
        for (String absent : List.of("CacheCluster", "CachingEnabled", "CacheTtlInSeconds", "cacheKeyParameters")) {
            assertFalse(text.contains(absent), absent);
        }
    }
}
