package dev.gatehouse.api;

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
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;

class CorsTest {
    private static final RouteIntegration OK = Integrations.mock(MockResponse.json(200, "{}"));

    private static GatewayApi api(CorsPolicy cors) {
        GatewayApi api = new GatewayApi(new Stack(new App(), "S"), "Api", GatewayApiProps.builder()
                .cors(cors).defaultAuthorization(Authorization.iam()).build());
        api.route("GET /orders", OK);
        api.route("POST /orders", OK);
        api.route("GET /orders/{id}", OK);
        api.route("ANY /files/{path+}", OK);
        api.route("OPTIONS /custom", OK);
        api.route("GET /custom", OK);
        return api;
    }

    @Test
    void everyPathGetsAPublicPreflightAnnouncingItsMethods() {
        JsonNode doc = api(CorsPolicy.builder().allowOrigins(List.of("https://app.example.com"))
                .maxAge(Duration.hours(1)).build()).getOpenApiDocument();

        JsonNode preflight = doc.at("/paths/~1orders/options");
        assertEquals("[]", preflight.get("security").toString(), "preflights carry no credentials");
        JsonNode params = preflight.at("/x-amazon-apigateway-integration/responses/default/responseParameters");
        assertEquals("'https://app.example.com'", params.get("method.response.header.Access-Control-Allow-Origin").asText());
        assertEquals("'GET,POST,OPTIONS'", params.get("method.response.header.Access-Control-Allow-Methods").asText());
        assertEquals("'Content-Type,Authorization,X-Api-Key,X-Amz-Date,X-Amz-Security-Token'",
                params.get("method.response.header.Access-Control-Allow-Headers").asText());
        assertEquals("'3600'", params.get("method.response.header.Access-Control-Max-Age").asText());
        assertEquals("'Origin'", params.get("method.response.header.Vary").asText());
        assertEquals("204", preflight.at("/x-amazon-apigateway-integration/responses/default/statusCode").asText());
        assertTrue(preflight.at("/responses/204/headers/Access-Control-Allow-Origin").isObject());

        assertEquals("'GET,OPTIONS'", doc.at("/paths/~1orders~1{id}/options/x-amazon-apigateway-integration"
                + "/responses/default/responseParameters/method.response.header.Access-Control-Allow-Methods").asText());
        assertEquals("path", doc.at("/paths/~1orders~1{id}/options/parameters/0/in").asText());
        assertTrue(doc.at("/paths/~1files~1{path+}/options/x-amazon-apigateway-integration").toString()
                .contains("GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS"), "ANY announces every method");
        // the user's own OPTIONS route is kept as declared
        assertEquals("{}", doc.at("/paths/~1custom/options/x-amazon-apigateway-integration/responses/default"
                + "/responseTemplates/application~1json").asText());
    }

    @Test
    void apiGatewayErrorsCarryTheCorsHeadersSoBrowsersCanReadA401() {
        JsonNode responses = api(CorsPolicy.builder().allowOrigins(List.of("https://app.example.com"))
                .allowCredentials(true).exposeHeaders(List.of("X-Request-Id")).build())
                .getOpenApiDocument().get("x-amazon-apigateway-gateway-responses");
        for (String type : List.of("DEFAULT_4XX", "DEFAULT_5XX")) {
            JsonNode p = responses.at("/" + type + "/responseParameters");
            assertEquals("'https://app.example.com'", p.get("gatewayresponse.header.Access-Control-Allow-Origin").asText());
            assertEquals("'true'", p.get("gatewayresponse.header.Access-Control-Allow-Credentials").asText());
            assertEquals("'X-Request-Id'", p.get("gatewayresponse.header.Access-Control-Expose-Headers").asText());
        }
    }

    @Test
    void severalOriginsAreEchoedOnlyWhenAllowed() {
        JsonNode doc = api(CorsPolicy.builder()
                .allowOrigins(List.of("https://a.example.com", "https://b.example.com:8443")).build()).getOpenApiDocument();
        JsonNode response = doc.at("/paths/~1orders/options/x-amazon-apigateway-integration/responses/default");
        assertFalse(response.at("/responseParameters").has("method.response.header.Access-Control-Allow-Origin"));
        String template = response.at("/responseTemplates/application~1json").asText();
        assertTrue(template.contains("$origin == \"https://a.example.com\" || $origin == \"https://b.example.com:8443\""), template);
        assertTrue(template.contains("#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)"), template);
        assertEquals("method.request.header.Origin", doc.at("/x-amazon-apigateway-gateway-responses/DEFAULT_4XX"
                + "/responseParameters/gatewayresponse.header.Access-Control-Allow-Origin").asText());

        JsonNode credentialed = api(CorsPolicy.builder().allowCredentials(true)
                .allowOrigins(List.of("https://a.example.com", "https://b.example.com")).build()).getOpenApiDocument();
        assertFalse(credentialed.at("/x-amazon-apigateway-gateway-responses/DEFAULT_4XX/responseParameters")
                .has("gatewayresponse.header.Access-Control-Allow-Origin"), "never echo arbitrary origins with credentials");
    }

    @Test
    void passesTheDeployChecks() {
        // preflights on every path (a greedy one too), gateway responses, credentials, several origins
        GatewayApi api = api(CorsPolicy.builder().allowCredentials(true)
                .allowOrigins(List.of("https://a.example.com", "https://b.example.com")).build());
        Fixtures.assertPassesDeployChecks(Fixtures.templateJson(software.amazon.awscdk.Stack.of(api)));
    }

    @Test
    void anyOriginNeedsNoVary() {
        JsonNode doc = api(CorsPolicy.builder().allowOrigins(List.of("*")).build()).getOpenApiDocument();
        JsonNode params = doc.at("/paths/~1orders/options/x-amazon-apigateway-integration/responses/default/responseParameters");
        assertEquals("'*'", params.get("method.response.header.Access-Control-Allow-Origin").asText());
        assertFalse(params.has("method.response.header.Vary"));
    }

    @Test
    void gh420AndGh421CorsSettings() {
        App app = new App();
        GatewayApi api = new GatewayApi(new Stack(app, "S"), "Api", GatewayApiProps.builder()
                .cors(CorsPolicy.builder().allowOrigins(List.of("*", "https://app.example.com/", "app.example.com"))
                        .allowCredentials(true).allowHeaders(List.of("Bad Header"))
                        .allowMethods(List.of(HttpMethod.ANY)).build())
                .build());
        api.route("GET /a", OK, RouteOptions.of(Authorization.none()));
        String message = synthError(app);
        assertTrue(message.contains("[GH420] GatewayApi 'Api' CORS: allowCredentials is true with origin '*'."), message);
        assertTrue(message.contains("[GH421] GatewayApi 'Api' CORS: the origin 'https://app.example.com/' is not scheme://host[:port]."), message);
        assertTrue(message.contains("the origin 'app.example.com' is not scheme://host[:port]."), message);
        assertTrue(message.contains("'Bad Header' is not an HTTP header name."), message);
        assertTrue(message.contains("ANY is not a method a browser can be told about."), message);
    }
}
