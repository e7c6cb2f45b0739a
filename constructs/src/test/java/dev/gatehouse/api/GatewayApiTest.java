package dev.gatehouse.api;

import static dev.gatehouse.testing.Fixtures.countResources;
import static dev.gatehouse.testing.Fixtures.onlyResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.LambdaRouteIntegrationOptions;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Function;

/** The template of one API with a Lambda, an HTTP and a mock route, synthesized once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayApiTest {
    private JsonNode template;
    private JsonNode body;
    private GatewayApi api;

    @BeforeAll
    void synthesize() {
        // Given an API with stage throttling, two Lambda routes on one function, an HTTP proxy
        // route, a public mock route, and a per-route throttle override
        App app = new App();
        Stack stack = new Stack(app, "Orders");
        Function fn = Fixtures.function(stack, "Handler");
        api = GatewayApi.Builder.create(stack, "Api")
                .apiName("orders")
                .description("Orders API")
                .stage(StageSettings.builder().stageName("live").throttle(Throttle.of(100, 200)).build())
                .build();
        api.route("GET /orders/{id}", Integrations.lambda(fn), RouteOptions.builder()
                .authorization(Authorization.iam())
                .throttle(Throttle.builder().rateLimit(5).build())
                .operationId("getOrder")
                .build());
        api.post("/orders", Integrations.lambda(fn, LambdaRouteIntegrationOptions.builder()
                .timeout(Duration.seconds(5)).build()), RouteOptions.of(Authorization.iam()));
        api.route("ANY /catalog/{proxy+}", Integrations.http("https://catalog.example.com/v2/{proxy}"),
                RouteOptions.of(Authorization.iam()));
        api.route("GET /health", Integrations.mock(MockResponse.builder()
                .header("Cache-Control", "no-store").body("{\"status\":\"ok\"}").build()),
                RouteOptions.of(Authorization.none()));

        // When it is synthesized
        template = Fixtures.templateJson(stack);
        body = onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Body");
    }

    @Test
    void emitsOneRestApiDeploymentAndStageWhateverTheRouteCount() {
        assertEquals(1, countResources(template, "AWS::ApiGateway::RestApi"));
        assertEquals(1, countResources(template, "AWS::ApiGateway::Deployment"));
        assertEquals(1, countResources(template, "AWS::ApiGateway::Stage"));
        assertEquals(0, countResources(template, "AWS::ApiGateway::Resource"));
        assertEquals(0, countResources(template, "AWS::ApiGateway::Method"));
    }

    @Test
    void grantsOnePermissionPerFunctionScopedToThisApi() {
        JsonNode permission = onlyResource(template, "AWS::Lambda::Permission").get("Properties");
        assertEquals("apigateway.amazonaws.com", permission.get("Principal").asText());
        assertEquals("lambda:InvokeFunction", permission.get("Action").asText());
        String restApiId = onlyResource(template, "AWS::ApiGateway::RestApi").get("id").asText();
        JsonNode parts = permission.at("/SourceArn/Fn::Join/1");
        assertTrue(parts.toString().contains("\":execute-api:\""), parts.toString());
        assertTrue(parts.toString().contains("{\"Ref\":\"" + restApiId + "\"}"), parts.toString());
        assertEquals("/*/*/*", parts.get(parts.size() - 1).asText());
    }

    @Test
    void rendersTheDocumentAsOpenApi30WithInfo() {
        assertEquals("3.0.1", body.get("openapi").asText());
        assertEquals("orders", body.at("/info/title").asText());
        assertEquals("Orders API", body.at("/info/description").asText());
        assertEquals("1.0", body.at("/info/version").asText());
        List<String> paths = new ArrayList<>();
        body.get("paths").fieldNames().forEachRemaining(paths::add);
        assertEquals(List.of("/catalog/{proxy+}", "/health", "/orders", "/orders/{id}"), paths);
    }

    @Test
    void rendersLambdaProxyIntegrationsWithTheInvocationUri() {
        JsonNode op = body.at("/paths/~1orders~1{id}/get");
        JsonNode integration = op.get("x-amazon-apigateway-integration");
        assertEquals("aws_proxy", integration.get("type").asText());
        assertEquals("POST", integration.get("httpMethod").asText());
        // one compact Fn::Sub per operation, not a dozen-line Fn::Join
        assertEquals("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                + "${Handler886CB40B.Arn}/invocations", integration.at("/uri/Fn::Sub").asText());
        assertEquals("getOrder", op.get("operationId").asText());
        assertEquals("id", op.at("/parameters/0/name").asText());
        assertEquals("path", op.at("/parameters/0/in").asText());
        assertTrue(op.at("/parameters/0/required").asBoolean());
        assertEquals("[{\"sigv4\":[]}]", op.get("security").toString());
        assertEquals("awsSigv4", body.at("/components/securitySchemes/sigv4/x-amazon-apigateway-authtype").asText());
        assertEquals(5000, body.at("/paths/~1orders/post/x-amazon-apigateway-integration/timeoutInMillis").asInt());
    }

    @Test
    void rendersHttpProxyIntegrationsPassingPathVariables() {
        JsonNode integration = body.at("/paths/~1catalog~1{proxy+}/x-amazon-apigateway-any-method/x-amazon-apigateway-integration");
        assertEquals("http_proxy", integration.get("type").asText());
        assertEquals("ANY", integration.get("httpMethod").asText());
        assertEquals("https://catalog.example.com/v2/{proxy}", integration.get("uri").asText());
        assertEquals("method.request.path.proxy",
                integration.at("/requestParameters/integration.request.path.proxy").asText());
    }

    @Test
    void rendersMockIntegrationsWithStaticStatusHeadersAndBody() {
        JsonNode op = body.at("/paths/~1health/get");
        JsonNode integration = op.get("x-amazon-apigateway-integration");
        assertEquals("mock", integration.get("type").asText());
        assertEquals("{\"statusCode\": 200}", integration.at("/requestTemplates/application~1json").asText());
        JsonNode response = integration.at("/responses/default");
        assertEquals("200", response.get("statusCode").asText());
        assertEquals("'no-store'", response.at("/responseParameters/method.response.header.Cache-Control").asText());
        assertEquals("{\"status\":\"ok\"}", response.at("/responseTemplates/application~1json").asText());
        assertTrue(op.at("/responses/200/headers/Cache-Control").isObject());
        assertEquals("[]", op.get("security").toString(), "a public route says it needs no security");
    }

    @Test
    void configuresTheStageWithTracingAccessLogsAndThrottling() {
        JsonNode stage = onlyResource(template, "AWS::ApiGateway::Stage").get("Properties");
        assertEquals("live", stage.get("StageName").asText());
        assertTrue(stage.get("TracingEnabled").asBoolean());
        String logGroupId = onlyResource(template, "AWS::Logs::LogGroup").get("id").asText();
        assertEquals(logGroupId, stage.at("/AccessLogSetting/DestinationArn/Fn::GetAtt/0").asText());
        String format = stage.at("/AccessLogSetting/Format").asText();
        assertTrue(format.contains("\"requestId\":\"$context.requestId\""), format);
        assertEquals(365, onlyResource(template, "AWS::Logs::LogGroup").at("/Properties/RetentionInDays").asInt());

        JsonNode settings = stage.get("MethodSettings");
        assertEquals(2, settings.size());
        assertEquals("/*", settings.at("/0/ResourcePath").asText());
        assertEquals("*", settings.at("/0/HttpMethod").asText());
        assertEquals("ERROR", settings.at("/0/LoggingLevel").asText());
        assertFalse(settings.at("/0/DataTraceEnabled").asBoolean());
        assertEquals(100, settings.at("/0/ThrottlingRateLimit").asDouble());
        assertEquals(200, settings.at("/0/ThrottlingBurstLimit").asInt());
        // the override keeps the stage's logging and burst, and sets its own rate
        assertEquals("/~1orders~1{id}", settings.at("/1/ResourcePath").asText());
        assertEquals("GET", settings.at("/1/HttpMethod").asText());
        assertEquals("ERROR", settings.at("/1/LoggingLevel").asText());
        assertEquals(5, settings.at("/1/ThrottlingRateLimit").asDouble());
        assertEquals(200, settings.at("/1/ThrottlingBurstLimit").asInt());
    }

    @Test
    void deploysToTheStageThroughTheHashedDeployment() {
        JsonNode deployment = onlyResource(template, "AWS::ApiGateway::Deployment");
        JsonNode stage = onlyResource(template, "AWS::ApiGateway::Stage").get("Properties");
        assertEquals(deployment.get("id").asText(), stage.at("/DeploymentId/Ref").asText());
        assertTrue(deployment.get("id").asText().matches("ApiDeployment[0-9A-F]{8}[0-9a-f]{16}"),
                deployment.get("id").asText());
    }

    @Test
    void usesRegionalEndpointAndFailsOnImportWarnings() {
        JsonNode restApi = onlyResource(template, "AWS::ApiGateway::RestApi").get("Properties");
        assertEquals("[\"REGIONAL\"]", restApi.at("/EndpointConfiguration/Types").toString());
        assertTrue(restApi.get("FailOnWarnings").asBoolean());
        assertEquals("orders", restApi.get("Name").asText());
    }

    @Test
    void leavesTheAccountCloudWatchRoleAlone() {
        assertEquals(0, countResources(template, "AWS::ApiGateway::Account"));
        assertEquals(1, countResources(template, "AWS::IAM::Role"), "only the function's role");
    }

    @Test
    void outputsTheStageUrl() {
        JsonNode outputs = template.get("Outputs");
        String url = outputs.elements().next().get("Value").toString();
        assertTrue(url.contains(".execute-api."), url);
        assertTrue(url.endsWith("\"/live/\"]]}"), url);
    }

    @Test
    void validatesRequestParametersAndBodiesOfEveryOperation() {
        assertEquals("{\"body-and-parameters\":{\"validateRequestBody\":true,\"validateRequestParameters\":true}}",
                body.get("x-amazon-apigateway-request-validators").toString());
        assertEquals("body-and-parameters", body.get("x-amazon-apigateway-request-validator").asText(),
                "the document's default applies to every operation");
    }

    @Test
    void passesTheDeployChecks() {
        Fixtures.assertPassesDeployChecks(template);
    }

    @Test
    void exposesTheDocumentAndTheRoutes() {
        assertEquals(List.of("GET /orders/{id}", "POST /orders", "ANY /catalog/{proxy+}", "GET /health"),
                api.getRoutes().stream().map(Route::toString).toList());
        assertEquals(List.of("proxy"), api.getRoutes().get(2).getPathVariables());
        // the unresolved document carries token strings; the resolved one, the template's intrinsics
        String unresolved = api.getOpenApiDocument().at("/paths/~1orders/post/x-amazon-apigateway-integration/uri").asText();
        assertTrue(unresolved.contains("${Token["), unresolved);
        assertEquals(body, api.getResolvedOpenApiDocument());
    }
}
