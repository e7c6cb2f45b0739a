package dev.gatehouse.api;

import static dev.gatehouse.testing.Fixtures.onlyResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Function;

/**
 * Request validation: models in {@code components.schemas} referenced per route and content type,
 * validators per route beside the API's default, required query string parameters and headers,
 * and the API's binary media types.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestValidationTest {
    private static final String ORDER = "{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"title\": \"Order\","
            + " \"type\": \"object\", \"required\": [\"sku\", \"quantity\"], \"additionalProperties\": false,"
            + " \"properties\": {\"sku\": {\"type\": \"string\", \"pattern\": \"^[A-Z]{3}-\\\\d+$\"},"
            + " \"quantity\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 100},"
            + " \"address\": {\"$ref\": \"#/components/schemas/Address\"}}}";

    private JsonNode template;
    private JsonNode document;

    @BeforeAll
    void synthesize() {
        // Given one model shared by two routes, a second model built as a Jackson tree and referenced
        // by the first, an XML model, a search route with required parameters that validates only
        // parameters, a webhook that validates nothing, and two binary media types
        App app = new App();
        Stack stack = new Stack(app, "Validated");
        Function fn = Fixtures.function(stack, "Handler");
        GatewayApi api = GatewayApi.Builder.create(stack, "Api")
                .binaryMediaTypes(List.of("image/png", "application/*"))
                .build();
        RequestModel order = RequestModel.fromString("Order", ORDER);
        ObjectNode address = Fixtures.JSON.createObjectNode().put("type", "object");
        address.putArray("required").add("city");
        address.putObject("properties").putObject("city").put("type", "string").put("maxLength", 80);
        RequestModel addressModel = RequestModel.fromJson("Address", address);
        api.route("POST /orders", Integrations.lambda(fn), RouteOptions.builder()
                .authorization(Authorization.iam())
                .requestValidation(RequestValidation.builder()
                        .model(order)
                        .model("application/xml", RequestModel.fromString("OrderXml", "{\"type\": \"string\"}"))
                        .build())
                .build());
        api.route("PUT /orders/{id}", Integrations.lambda(fn), RouteOptions.builder()
                .authorization(Authorization.iam())
                .requestValidation(RequestValidation.builder().model(order).build())
                .build());
        api.route("POST /addresses", Integrations.lambda(fn), RouteOptions.builder()
                .authorization(Authorization.iam())
                .requestValidation(RequestValidation.builder().model(addressModel).build())
                .build());
        api.route("GET /search", Integrations.lambda(fn), RouteOptions.builder()
                .authorization(Authorization.iam())
                .requestValidation(RequestValidation.builder()
                        .validator(RequestValidationMode.PARAMETERS_ONLY)
                        .requiredQueryParameters("q", "page")
                        .requiredHeaders("X-Tenant")
                        .build())
                .build());
        api.route("GET /webhook", Integrations.lambda(fn), RouteOptions.builder()
                .authorization(Authorization.iam())
                .requestValidation(RequestValidation.builder().validator(RequestValidationMode.NONE).build())
                .build());

        // When it is synthesized
        template = Fixtures.templateJson(stack);
        document = onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Body");
    }

    @Test
    void modelsAreDeclaredOnceInComponentsAndReferencedPerContentType() {
        assertEquals("[\"Address\",\"Order\",\"OrderXml\"]", names(document.at("/components/schemas")));
        // as given, less $schema: OpenAPI 3.0 schema objects have none, and every model is draft 4
        ObjectNode order = (ObjectNode) readTree(ORDER);
        order.remove("$schema");
        assertEquals(order, document.at("/components/schemas/Order"));
        assertEquals("{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Order\"}},"
                        + "\"application/xml\":{\"schema\":{\"$ref\":\"#/components/schemas/OrderXml\"}}}",
                document.at("/paths/~1orders/post/requestBody/content").toString());
        assertEquals("#/components/schemas/Order",
                document.at("/paths/~1orders~1{id}/put/requestBody/content/application~1json/schema/$ref").asText());
    }

    @Test
    void routesUseTheDefaultValidatorUnlessTheyChooseAnother() {
        assertEquals("body-and-parameters", document.get("x-amazon-apigateway-request-validator").asText());
        assertEquals("{\"body-and-parameters\":{\"validateRequestBody\":true,\"validateRequestParameters\":true},"
                        + "\"parameters-only\":{\"validateRequestBody\":false,\"validateRequestParameters\":true},"
                        + "\"none\":{\"validateRequestBody\":false,\"validateRequestParameters\":false}}",
                document.get("x-amazon-apigateway-request-validators").toString());
        assertFalse(document.at("/paths/~1orders/post").has("x-amazon-apigateway-request-validator"));
        assertEquals("parameters-only",
                document.at("/paths/~1search/get/x-amazon-apigateway-request-validator").asText());
        assertEquals("none", document.at("/paths/~1webhook/get/x-amazon-apigateway-request-validator").asText());
    }

    @Test
    void requiredParametersAreDeclaredRequired() {
        assertEquals("[{\"name\":\"q\",\"in\":\"query\",\"required\":true,\"schema\":{\"type\":\"string\"}},"
                        + "{\"name\":\"page\",\"in\":\"query\",\"required\":true,\"schema\":{\"type\":\"string\"}},"
                        + "{\"name\":\"X-Tenant\",\"in\":\"header\",\"required\":true,\"schema\":{\"type\":\"string\"}}]",
                document.at("/paths/~1search/get/parameters").toString());
    }

    @Test
    void binaryMediaTypesAreListedAsGiven() {
        assertEquals("[\"image/png\",\"application/*\"]",
                document.get("x-amazon-apigateway-binary-media-types").toString());
    }

    @Test
    void passesTheDeployChecks() {
        Fixtures.assertPassesDeployChecks(template);
    }

    private static JsonNode readTree(String json) {
        try {
            return Fixtures.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return Fixtures.JSON.valueToTree(names).toString();
    }
}
