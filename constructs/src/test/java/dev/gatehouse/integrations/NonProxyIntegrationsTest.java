package dev.gatehouse.integrations;

import static dev.gatehouse.testing.Fixtures.onlyResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.HttpMethod;
import dev.gatehouse.api.RequestValidation;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Function;

/**
 * Lambda and HTTP non-proxy integrations: request templates per content type, parameter
 * mappings, integration responses with selection patterns and headers, passthrough and content
 * handling, next to the proxy forms, which stay as they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NonProxyIntegrationsTest {
    private static final String ORDER_TEMPLATE = "#set($body = $input.path('$'))\n"
            + "{\"orderId\": \"$input.params('id')\", \"tenant\": \"$input.params('X-Tenant')\", \"sku\": \"$body.sku\"}";

    private JsonNode template;
    private JsonNode paths;

    /** An integration kind written elsewhere (another AWS service), which declares only its first response. */
    private static final class QueueKind extends RouteIntegration {
        @Override
        public RouteIntegrationConfig bind(IntegrationContext context) {
            ObjectNode integration = JsonNodeFactory.instance.objectNode();
            integration.put("type", "aws");
            integration.put("httpMethod", "POST");
            integration.put("uri", "arn:aws:apigateway:eu-west-1:sqs:path/123456789012/events");
            integration.put("credentials", "arn:aws:iam::123456789012:role/api-sqs");
            integration.putObject("requestParameters")
                    .put("integration.request.header.Content-Type", "'application/x-www-form-urlencoded'")
                    .put("integration.request.querystring.Source", "method.request.header.X-Source");
            integration.putObject("requestTemplates").put("application/json",
                    "Action=SendMessage&MessageBody=$util.urlEncode($input.body)");
            ObjectNode responses = integration.putObject("responses");
            responses.putObject("default").put("statusCode", "202").putObject("responseParameters")
                    .put("method.response.header.X-Request-Id", "context.requestId");
            responses.putObject("4\\d{2}").put("statusCode", "400");
            return new RouteIntegrationConfig(integration, RouteIntegrationConfig.responses("202", "Queued"));
        }
    }

    @BeforeAll
    void synthesize() {
        // Given a Lambda non-proxy route with a template, a request header mapping and responses for
        // success, a "not found" error and every other error; an HTTP non-proxy route with a query
        // string and a static header, a 2xx/4xx split and a Location header; a binary download; and
        // the proxy forms of both
        App app = new App();
        Stack stack = new Stack(app, "Mapped");
        Function fn = Fixtures.function(stack, "Handler");
        GatewayApi api = GatewayApi.Builder.create(stack, "Api")
                .binaryMediaTypes(java.util.List.of("image/png"))
                .build();
        RouteOptions iam = RouteOptions.of(Authorization.iam());
        api.route("PUT /orders/{id}", Integrations.lambda(fn, LambdaRouteIntegrationOptions.builder()
                .mapping(IntegrationMapping.builder()
                        .requestTemplate("application/json", ORDER_TEMPLATE)
                        .requestParameter("integration.request.header.X-Tenant", "method.request.header.X-Tenant")
                        .passthrough(TemplatePassthrough.NEVER)
                        .response(ResponseMapping.builder().statusCode(200)
                                .responseParameter("method.response.header.Cache-Control", "'no-store'")
                                .build())
                        .response(ResponseMapping.builder().selectionPattern("Not found:.*").statusCode(404)
                                .responseTemplate("application/json",
                                        "{\"message\": \"$util.escapeJavaScript($input.path('$.errorMessage'))\"}")
                                .build())
                        .response(ResponseMapping.builder().selectionPattern("(.|\\n)+").statusCode(500)
                                .responseTemplate("application/json", "{\"message\": \"internal error\"}")
                                .build())
                        .build())
                .build()), RouteOptions.builder().authorization(Authorization.iam())
                .requestValidation(RequestValidation.builder().requiredHeaders("X-Tenant").build())
                .build());
        api.route("POST /quotes", Integrations.http("https://quotes.example.com/v1/quotes",
                HttpRouteIntegrationOptions.builder().httpMethod(HttpMethod.POST)
                        .mapping(IntegrationMapping.builder()
                                .requestParameter("integration.request.querystring.currency",
                                        "method.request.querystring.currency")
                                .requestParameter("integration.request.header.X-Source", "'gatehouse'")
                                .requestTemplate("application/json", "$input.json('$.quote')")
                                .response(ResponseMapping.builder().selectionPattern("2\\d{2}").statusCode(201)
                                        .responseParameter("method.response.header.Location",
                                                "integration.response.header.Location")
                                        .build())
                                .response(ResponseMapping.builder().selectionPattern("4\\d{2}").statusCode(400).build())
                                .response(ResponseMapping.byDefault(502))
                                .build())
                        .build()), iam);
        api.route("GET /images/{name}", Integrations.http("https://images.example.com/{name}",
                HttpRouteIntegrationOptions.builder()
                        .mapping(IntegrationMapping.builder()
                                .response(ResponseMapping.builder().statusCode(200)
                                        .contentHandling(BodyConversion.CONVERT_TO_BINARY)
                                        .responseParameter("method.response.header.Content-Type",
                                                "integration.response.header.Content-Type")
                                        .build())
                                .build())
                        .build()), iam);
        api.route("POST /events", new QueueKind(), iam);
        api.route("GET /proxied/{id}", Integrations.lambda(fn), iam);
        api.route("ANY /catalog/{proxy+}", Integrations.http("https://catalog.example.com/{proxy}"), iam);

        // When it is synthesized
        template = Fixtures.templateJson(stack);
        paths = onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Body/paths");
    }

    @Test
    void lambdaNonProxyIsAnAwsIntegrationWithTemplatesMappingsAndResponses() {
        JsonNode integration = paths.at("/~1orders~1{id}/put/x-amazon-apigateway-integration");
        assertEquals("aws", integration.get("type").asText());
        assertEquals("POST", integration.get("httpMethod").asText());
        assertEquals(ORDER_TEMPLATE, integration.at("/requestTemplates/application~1json").asText());
        assertEquals("method.request.header.X-Tenant",
                integration.at("/requestParameters/integration.request.header.X-Tenant").asText());
        assertEquals("never", integration.get("passthroughBehavior").asText());
        assertEquals("{\"default\":{\"statusCode\":\"200\",\"responseParameters\":"
                        + "{\"method.response.header.Cache-Control\":\"'no-store'\"}},"
                        + "\"Not found:.*\":{\"statusCode\":\"404\",\"responseTemplates\":{\"application/json\":"
                        + "\"{\\\"message\\\": \\\"$util.escapeJavaScript($input.path('$.errorMessage'))\\\"}\"}},"
                        + "\"(.|\\\\n)+\":{\"statusCode\":\"500\",\"responseTemplates\":{\"application/json\":"
                        + "\"{\\\"message\\\": \\\"internal error\\\"}\"}}}",
                integration.get("responses").toString());
    }

    @Test
    void methodResponsesDeclareEveryStatusAndTheHeadersMappedToThem() {
        JsonNode responses = paths.at("/~1orders~1{id}/put/responses");
        assertEquals("[\"200\",\"404\",\"500\"]", Fixtures.JSON.valueToTree(
                iterableNames(responses)).toString());
        assertEquals("{\"type\":\"string\"}", responses.at("/200/headers/Cache-Control/schema").toString());
        assertFalse(responses.get("404").has("headers"));
        assertEquals("{\"type\":\"string\"}",
                paths.at("/~1quotes/post/responses/201/headers/Location/schema").toString());
    }

    @Test
    void parametersReadByMappingsAreDeclaredRequiredOnesAsRequired() {
        // the header the route requires is declared required; the query string the mapping reads, optional
        assertEquals("[{\"name\":\"id\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\"}},"
                        + "{\"name\":\"X-Tenant\",\"in\":\"header\",\"required\":true,\"schema\":{\"type\":\"string\"}}]",
                paths.at("/~1orders~1{id}/put/parameters").toString());
        assertEquals("[{\"name\":\"currency\",\"in\":\"query\",\"required\":false,\"schema\":{\"type\":\"string\"}}]",
                paths.at("/~1quotes/post/parameters").toString());
    }

    @Test
    void httpNonProxyKeepsTheUrlMappingAndTheDefaultPassthrough() {
        JsonNode quotes = paths.at("/~1quotes/post/x-amazon-apigateway-integration");
        assertEquals("http", quotes.get("type").asText());
        assertEquals("POST", quotes.get("httpMethod").asText());
        assertEquals("when_no_templates", quotes.get("passthroughBehavior").asText());
        assertEquals("'gatehouse'", quotes.at("/requestParameters/integration.request.header.X-Source").asText());
        JsonNode images = paths.at("/~1images~1{name}/get/x-amazon-apigateway-integration");
        assertEquals("method.request.path.name",
                images.at("/requestParameters/integration.request.path.name").asText());
        assertEquals("CONVERT_TO_BINARY", images.at("/responses/default/contentHandling").asText());
    }

    @Test
    void whatOtherKindsMapIsDeclaredForThemToo() {
        // the header a request parameter reads, the 400 and the header the default response sets
        JsonNode events = paths.at("/~1events/post");
        assertEquals("[{\"name\":\"X-Source\",\"in\":\"header\",\"required\":false,\"schema\":{\"type\":\"string\"}}]",
                events.get("parameters").toString());
        assertEquals("{\"202\":{\"description\":\"Queued\",\"headers\":{\"X-Request-Id\":{\"schema\":{\"type\":\"string\"}}}},"
                        + "\"400\":{\"description\":\"Integration response 400\"}}",
                events.get("responses").toString());
    }

    @Test
    void proxyFormsAreUnchanged() {
        assertEquals("{\"type\":\"aws_proxy\",\"httpMethod\":\"POST\",\"uri\":"
                        + paths.at("/~1proxied~1{id}/get/x-amazon-apigateway-integration/uri") + "}",
                paths.at("/~1proxied~1{id}/get/x-amazon-apigateway-integration").toString());
        assertEquals("{\"type\":\"http_proxy\",\"httpMethod\":\"ANY\",\"uri\":\"https://catalog.example.com/{proxy}\","
                        + "\"connectionType\":\"INTERNET\",\"passthroughBehavior\":\"when_no_match\","
                        + "\"requestParameters\":{\"integration.request.path.proxy\":\"method.request.path.proxy\"}}",
                paths.at("/~1catalog~1{proxy+}/x-amazon-apigateway-any-method/x-amazon-apigateway-integration").toString());
    }

    @Test
    void passesTheDeployChecks() {
        Fixtures.assertPassesDeployChecks(template);
    }

    private static java.util.List<String> iterableNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
