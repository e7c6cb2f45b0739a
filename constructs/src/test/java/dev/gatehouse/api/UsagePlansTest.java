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
