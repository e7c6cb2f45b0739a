package dev.gatehouse.api;

import static dev.gatehouse.testing.Fixtures.countResources;
import static dev.gatehouse.testing.Fixtures.onlyResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.Defaults;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.testing.Fixtures;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Stage settings: explicit choices, contradictions, and the opt-in account role. */
class StageSettingsTest {
    private static final RouteOptions IAM = RouteOptions.of(Authorization.iam());

    private static JsonNode template(GatewayApiProps props) {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api", props);
        api.route("ANY /", Integrations.mock(MockResponse.json(200, "{}")), RouteOptions.builder()
                .authorization(Authorization.iam()).throttle(Throttle.of(1, 2)).build());
        return Fixtures.templateJson(stack);
    }

    @Test
    void explicitSettingsReplaceTheDefaults() {
        JsonNode template = template(GatewayApiProps.builder().stage(StageSettings.builder()
                .tracingEnabled(false).loggingLevel(ExecutionLogLevel.INFO).metricsEnabled(true)
                .accessLogging(false).build()).build());
        JsonNode stage = onlyResource(template, "AWS::ApiGateway::Stage").get("Properties");
        assertFalse(stage.get("TracingEnabled").asBoolean());
        assertFalse(stage.has("AccessLogSetting"));
        assertEquals(0, countResources(template, "AWS::Logs::LogGroup"));
        assertEquals("INFO", stage.at("/MethodSettings/0/LoggingLevel").asText());
        assertTrue(stage.at("/MethodSettings/0/MetricsEnabled").asBoolean());
        assertFalse(stage.at("/MethodSettings/0").has("ThrottlingRateLimit"), "no stage limit was set");
        // the root ANY route's override: root resource path, once per method it serves (API
        // Gateway addresses method settings by method, never ANY), logging repeated
        assertEquals(8, stage.get("MethodSettings").size(), stage.get("MethodSettings").toString());
        assertEquals("/", stage.at("/MethodSettings/1/ResourcePath").asText());
        assertEquals("GET", stage.at("/MethodSettings/1/HttpMethod").asText());
        assertEquals("INFO", stage.at("/MethodSettings/1/LoggingLevel").asText());
        assertEquals(2, stage.at("/MethodSettings/7/ThrottlingBurstLimit").asInt());
    }

    @Test
    void theAccessLogFormatIsTextAndCdksFormatsWorkAsText() {
        // Given the default format, a format of one's own, and one of aws-cdk-lib's as text
        String own = "{\"requestId\":\"$context.requestId\",\"status\":\"$context.status\"}";
        String cdks = AccessLogFormat.jsonWithStandardFields().toString();

        // When each stage is synthesized, Then its access log setting has the format as given
        assertEquals(Defaults.ACCESS_LOG_FORMAT, accessLogFormat(null));
        assertTrue(Defaults.ACCESS_LOG_FORMAT.startsWith("{\"requestId\":\"$context.requestId\""),
                Defaults.ACCESS_LOG_FORMAT);
        assertEquals(own, accessLogFormat(own));
        assertEquals(cdks, accessLogFormat(cdks));
        assertTrue(cdks.contains("$context.requestId"), cdks);
    }

    private static String accessLogFormat(String format) {
        JsonNode template = template(GatewayApiProps.builder().stage(StageSettings.builder()
                .accessLogFormat(format).build()).build());
        return onlyResource(template, "AWS::ApiGateway::Stage").at("/Properties/AccessLogSetting/Format").asText();
    }

    @Test
    void cloudWatchRoleIsOptInAndRetained() {
        JsonNode template = template(GatewayApiProps.builder().cloudWatchRole(true).build());
        JsonNode account = onlyResource(template, "AWS::ApiGateway::Account");
        assertEquals("Retain", account.get("DeletionPolicy").asText());
        JsonNode stage = onlyResource(template, "AWS::ApiGateway::Stage");
        assertTrue(stage.get("DependsOn").toString().contains(account.get("id").asText()));
        assertTrue(template.toString().contains("AmazonAPIGatewayPushToCloudWatchLogs"));
    }

    @Test
    void retentionAppliesToTheCreatedLogGroup() {
        JsonNode template = template(GatewayApiProps.builder().stage(StageSettings.builder()
                .accessLogRetention(RetentionDays.ONE_WEEK).build()).build());
        assertEquals(7, onlyResource(template, "AWS::Logs::LogGroup").at("/Properties/RetentionInDays").asInt());
    }

    @Test
    void contradictoryAccessLogSettingsThrow() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        IllegalArgumentException off = assertThrows(IllegalArgumentException.class, () -> new GatewayApi(stack, "A",
                GatewayApiProps.builder().stage(StageSettings.builder().accessLogging(false)
                        .accessLogRetention(RetentionDays.ONE_DAY).build()).build()));
        assertTrue(off.getMessage().contains("GatewayApi 'S/A': stage.accessLogging is false but"), off.getMessage());

        LogGroup mine = new LogGroup(stack, "Mine");
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> new GatewayApi(stack, "B",
                GatewayApiProps.builder().stage(StageSettings.builder().accessLogGroup(mine)
                        .accessLogRetention(RetentionDays.ONE_DAY).build()).build()));
        assertTrue(both.getMessage().contains("set the retention on the log group you pass"), both.getMessage());
    }

    @Test
    void urlAndArnHelpersRejectRelativePaths() {
        App app = new App();
        GatewayApi api = new GatewayApi(new Stack(app, "S"), "Api");
        IllegalArgumentException url = assertThrows(IllegalArgumentException.class, () -> api.urlForPath("orders"));
        assertEquals("GatewayApi 'S/Api': path 'orders' must start with '/'.", url.getMessage());
        IllegalArgumentException arn = assertThrows(IllegalArgumentException.class,
                () -> api.arnForExecuteApi("GET", "orders", "prod"));
        assertEquals("GatewayApi 'S/Api': path 'orders' must start with '/'.", arn.getMessage());
        assertTrue(api.urlForPath("/orders").endsWith("/prod/orders"), api.urlForPath("/orders"));
    }
}
