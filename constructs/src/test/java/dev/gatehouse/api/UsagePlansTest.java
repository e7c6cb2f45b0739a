package dev.gatehouse.api;

import static dev.gatehouse.testing.Fixtures.countResources;
import static dev.gatehouse.testing.Fixtures.onlyResource;
import static dev.gatehouse.testing.Fixtures.synthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.integrations.RouteIntegration;
import dev.gatehouse.testing.Fixtures;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.apigateway.ApiKey;

class UsagePlansTest {
    private static final RouteIntegration OK = Integrations.mock(MockResponse.json(200, "{}"));
    private static final RouteOptions KEYED = RouteOptions.builder()
            .authorization(Authorization.iam()).apiKeyRequired(true).build();

    private static Stack partnerStack(App app, boolean importedFirst) {
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /partner/orders", OK, KEYED);
        api.route("GET /", OK, KEYED);
        GatewayApiKey generated = api.addApiKey("Acme", ApiKeySettings.builder().apiKeyName("acme").build());
        GatewayApiKey imported = GatewayApiKey.fromKeyId(stack, "Legacy", "abcd1234");
        api.addUsagePlan("Partners", UsagePlanOptions.builder()
                .name("partners")
                .throttle(Throttle.of(10, 20))
                .quota(Quota.perMonth(10_000).withOffset(1))
                .routeThrottle("GET /partner/orders", Throttle.of(2, 4))
                .routeThrottle("GET /", Throttle.of(1, 1))
                .apiKeys(importedFirst ? List.of(imported, generated) : List.of(generated, imported))
                .build());
        return stack;
    }

    @Test
    void planMetersTheStageWithThrottleQuotaRouteThrottlesAndKeys() {
        JsonNode template = Fixtures.templateJson(partnerStack(new App(), false));
        JsonNode plan = onlyResource(template, "AWS::ApiGateway::UsagePlan");
        JsonNode props = plan.get("Properties");
        assertEquals("partners", props.get("UsagePlanName").asText());
        assertEquals("prod", props.at("/ApiStages/0/Stage").asText());
        assertEquals(2, props.at("/ApiStages/0/Throttle/~1partner~1orders~1GET/RateLimit").asInt());
        assertEquals(1, props.at("/ApiStages/0/Throttle/~1~1GET/BurstLimit").asInt());
        assertEquals(10, props.at("/Throttle/RateLimit").asInt());
        assertEquals(20, props.at("/Throttle/BurstLimit").asInt());
        assertEquals("{\"Limit\":10000,\"Offset\":1,\"Period\":\"MONTH\"}", props.get("Quota").toString());
        String stageId = onlyResource(template, "AWS::ApiGateway::Stage").get("id").asText();
        assertTrue(plan.get("DependsOn").toString().contains(stageId), plan.toString());

        JsonNode key = onlyResource(template, "AWS::ApiGateway::ApiKey").get("Properties");
        assertEquals("acme", key.get("Name").asText());
        assertFalse(key.has("Value"), "the generated key's value stays out of the template");
        assertEquals(2, countResources(template, "AWS::ApiGateway::UsagePlanKey"));
        assertTrue(template.toString().contains("\"KeyId\":\"abcd1234\""));
    }

    @Test
    void passesTheDeployChecks() {
        Fixtures.assertPassesDeployChecks(Fixtures.templateJson(partnerStack(new App(), false)));
    }

    @Test
    void keyLogicalIdsDoNotDependOnTheOrderKeysWereAdded() {
        Set<String> inOrder = planKeyIds(Fixtures.templateJson(partnerStack(new App(), false)));
        assertEquals(2, inOrder.size(), "both keys are in the plan: " + inOrder);
        assertEquals(inOrder, planKeyIds(Fixtures.templateJson(partnerStack(new App(), true))));
    }

    private static Set<String> planKeyIds(JsonNode template) {
        Set<String> ids = new TreeSet<>();
        template.get("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().get("Type").asText().equals("AWS::ApiGateway::UsagePlanKey")) {
                ids.add(e.getKey() + "=" + e.getValue().at("/Properties/KeyId"));
            }
        });
        return ids;
    }

    @Test
    void gh410AndGh412KeyValues() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /a", OK, KEYED);
        api.addUsagePlan("Plan", UsagePlanOptions.builder().apiKeys(List.of(
                api.addApiKey("Short", ApiKeySettings.builder().value("tooshort").build()),
                api.addApiKey("Fixed", ApiKeySettings.builder().value("abcdefghij0123456789XYZ").build()))).build());
        String message = synthError(app);
        assertTrue(message.contains("[GH410] API key 'Short': its value is not 20 to 128 letters and digits."), message);
        assertFalse(message.contains("[GH410] API key 'Fixed'"), message);
    }

    @Test
    void gh412WarnsAboutValuesInTheTemplate() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /a", OK, KEYED);
        api.addUsagePlan("Plan", UsagePlanOptions.builder().apiKeys(List.of(
                api.addApiKey("Fixed", ApiKeySettings.builder().value("abcdefghij0123456789XYZ").build()))).build());
        app.synth();
        Annotations.fromStack(stack).hasWarning("/S/Api", Match.stringLikeRegexp(
                ".*\\[GH412\\] API key 'Fixed': its value is written to the template in clear text.*"));
    }

    @Test
    void gh411UsagePlanSettings() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /keyed", OK, KEYED);
        api.route("GET /open", OK, RouteOptions.of(Authorization.iam()));
        api.addUsagePlan("Plan", UsagePlanOptions.builder()
                .routeThrottle("GET /missing", Throttle.of(1, 1))
                .routeThrottle("GET /open", Throttle.of(1, 1))
                .routeThrottle("GET /keyed", Throttle.of(-1, 1))
                .quota(Quota.perWeek(0).withOffset(9))
                .build());
        String message = synthError(app);
        assertTrue(message.contains("[GH411] usage plan 'Plan': its route throttle names 'GET /missing', which is not a route of the API."), message);
        assertTrue(message.contains("[GH411] usage plan 'Plan': its route throttle for 'GET /open' never applies"), message);
        assertTrue(message.contains("[GH301] usage plan 'Plan' route 'GET /keyed': the throttle rate -1.0"), message);
        assertTrue(message.contains("[GH411] usage plan 'Plan': its quota allows 0 requests."), message);
        assertTrue(message.contains("[GH411] usage plan 'Plan': its quota offset 9 does not fit the period WEEK."), message);
        assertTrue(message.contains("[GH411] usage plan 'Plan': it throttles routes (GET /missing, GET /open, GET /keyed) "
                + "but has no throttle of its own; API Gateway refuses route throttles on such a plan. Fix: give the plan "
                + "a throttle too"), message);
    }

    @Test
    void gh411SuggestsTheClosestDeclaredKeyRouteNeverAnInventedOne() {
        // Given an API whose key routes are GET /orders/{orderId} and POST /orders, and a public GET /health
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /orders/{orderId}", OK, KEYED);
        api.route("POST /orders", OK, KEYED);
        api.route("GET /health", OK, RouteOptions.of(Authorization.none()));
        // When a plan throttles routes it does not declare
        api.addUsagePlan("Plan", UsagePlanOptions.builder()
                .throttle(Throttle.of(10, 10))
                .routeThrottle("GET /orders/{id}", Throttle.of(1, 1))
                .routeThrottle("DELETE /orders", Throttle.of(1, 1))
                .routeThrottle("GET /health/deep", Throttle.of(1, 1))
                .routeThrottle("PUT /elsewhere", Throttle.of(1, 1))
                .build());
        String message = synthError(app);
        // Then each fix names the closest declared route that requires a key: a renamed variable,
        // another method on the same path, the same method; or lists the key routes when none is close
        assertTrue(message.contains("its route throttle names 'GET /orders/{id}', which is not a route of the API. "
                + "Fix: name the route as declared; the closest that requires an API key is \"GET /orders/{orderId}\"."),
                message);
        assertTrue(message.contains("its route throttle names 'DELETE /orders', which is not a route of the API. "
                + "Fix: name the route as declared; the closest that requires an API key is \"POST /orders\"."), message);
        assertTrue(message.contains("its route throttle names 'GET /health/deep', which is not a route of the API. "
                + "Fix: name the route as declared; the closest that requires an API key is \"GET /orders/{orderId}\"."),
                message);
        assertTrue(message.contains("its route throttle names 'PUT /elsewhere', which is not a route of the API. "
                + "Fix: name a route as declared that requires an API key: \"GET /orders/{orderId}\", \"POST /orders\"."),
                message);
        assertFalse(message.contains("GET /orders/{id}\""), "only declared routes are suggested: " + message);
    }

    @Test
    void gh411SaysSoWhenNoRouteRequiresAKey() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /orders", OK, RouteOptions.of(Authorization.iam()));
        api.addUsagePlan("Plan", UsagePlanOptions.builder().throttle(Throttle.of(10, 10))
                .routeThrottle("GET /order", Throttle.of(1, 1)).build());
        String message = synthError(app);
        assertTrue(message.contains("its route throttle names 'GET /order', which is not a route of the API. Fix: no "
                + "route of the API requires an API key, so the plan can throttle none"), message);
        assertFalse(message.contains("GET /orders/{id}"), message);
    }

    @Test
    void anAnyRouteIsThrottledUnderItsOwnMethodKey() {
        // Given an ANY route that requires a key, throttled by a plan
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("ANY /files/{name}", OK, KEYED);
        api.addUsagePlan("Plan", UsagePlanOptions.builder().throttle(Throttle.of(10, 10))
                .routeThrottle("ANY /files/{name}", Throttle.of(2, 4)).build());
        JsonNode throttle = onlyResource(Fixtures.templateJson(stack), "AWS::ApiGateway::UsagePlan")
                .at("/Properties/ApiStages/0/Throttle");
        // Then the key names the API's ANY method, the method resource API Gateway validates a
        // plan's keys against (docs/stage-and-throttling.md, "Usage plans and ANY routes")
        assertEquals(Set.of("/files/{name}/ANY"), fieldNames(throttle));
        assertEquals(2, throttle.at("/~1files~1{name}~1ANY/RateLimit").asInt());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void gh413WarnsWhenKeyRoutesHaveNoPlan() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /keyed", OK, KEYED);
        app.synth();
        Annotations.fromStack(stack).hasWarning("/S/Api", Match.stringLikeRegexp(
                ".*\\[GH413\\] GatewayApi 'Api': routes \\[GET /keyed\\] require an API key, but no usage plan.*"));
    }
}
