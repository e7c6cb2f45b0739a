package dev.gatehouse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.integrations.IntegrationContext;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.integrations.RouteIntegration;
import dev.gatehouse.integrations.RouteIntegrationConfig;
import dev.gatehouse.testing.Fixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Function;

/**
 * The document in the RestApi Body: a JSON object (the default), or JSON text in parts (opt-in). How
 * paths are grouped into parts is tested in {@code BodyTextTest}.
 */
class BodyFormatTest {
    private static JsonNode textTemplate;
    private static JsonNode objectTemplate;
    private static JsonNode parameterTemplate;
    private static JsonNode againTemplate;
    private static String functionId;
    private static JsonNode textExported;
    private static JsonNode objectExported;

    @BeforeAll
    static void synthesize() {
        // Given the same API twice, once as JSON text and once with the default format, with a Lambda route, a route to a
        // function in another stack, an HTTP route and a mock whose summary has a literal "${"
        // (and, separately, an API whose document holds a template parameter, and the first API
        // again in a new app)
        App app = new App();
        Stack backend = new Stack(app, "Backend");
        List<Function> remotes = List.of(Fixtures.function(backend, "Remote1"), Fixtures.function(backend, "Remote2"));
        Stack textStack = new Stack(app, "Text");
        Stack objectStack = new Stack(app, "Object");
        functionId = textStack.getLogicalId((software.amazon.awscdk.CfnElement)
                declare(textStack, remotes, BodyFormat.JSON_TEXT).getNode().getDefaultChild());
        declare(objectStack, remotes, null);
        Stack parameterStack = new Stack(app, "Parameter");
        CfnParameter owner = CfnParameter.Builder.create(parameterStack, "Owner").build();
        new GatewayApi(parameterStack, "Api").route("GET /a", Integrations.mock(MockResponse.json(200, "{}")),
                RouteOptions.builder().authorization(Authorization.iam()).summary("Owned by " + owner.getValueAsString())
                        .build());
        App again = new App();
        Stack againBackend = new Stack(again, "Backend");
        Stack againStack = new Stack(again, "Text");
        declare(againStack, List.of(Fixtures.function(againBackend, "Remote1"), Fixtures.function(againBackend, "Remote2")),
                BodyFormat.JSON_TEXT);

        // When they are synthesized
        textTemplate = Fixtures.templateJson(textStack);
        objectTemplate = Fixtures.templateJson(objectStack);
        parameterTemplate = Fixtures.templateJson(parameterStack);
        againTemplate = Fixtures.templateJson(againStack);
        textExported = ((GatewayApi) textStack.getNode().findChild("Api")).getResolvedOpenApiDocument();
        objectExported = ((GatewayApi) objectStack.getNode().findChild("Api")).getResolvedOpenApiDocument();
    }

    /** A custom integration whose response has an empty object (which a template merge could drop). */
    private static final RouteIntegration EMPTY_CONTENT = new RouteIntegration() {
        @Override
        public RouteIntegrationConfig bind(IntegrationContext context) {
            ObjectNode integration = JsonNodeFactory.instance.objectNode().put("type", "mock");
            integration.putObject("requestTemplates").put("application/json", "{\"statusCode\": 200}");
            integration.putObject("responses").putObject("default").put("statusCode", "200");
            ObjectNode responses = RouteIntegrationConfig.responses("200", "empty JSON");
            ((ObjectNode) responses.get("200")).putObject("content").putObject("application/json");
            return new RouteIntegrationConfig(integration, responses);
        }
    };

    /** Declares the API in {@code stack}; returns the stack's own function. */
    private static Function declare(Stack stack, List<Function> remotes, BodyFormat format) {
        Function fn = Fixtures.function(stack, "Fn");
        GatewayApi api = GatewayApi.Builder.create(stack, "Api").bodyFormat(format).build();
        RouteOptions iam = RouteOptions.of(Authorization.iam());
        api.route("GET /orders/{id}", Integrations.lambda(fn), iam);
        api.route("POST /orders/{id}", Integrations.lambda(fn),
                RouteOptions.builder().authorization(Authorization.iam()).summary("Replaces ${order}").build());
        api.route("PUT /orders/{id}", Integrations.lambda(fn), RouteOptions.builder().authorization(Authorization.iam())
                .summary("Costs ${ in " + Aws.REGION + "}").build());
        api.route("GET /remote", Integrations.lambda(remotes.get(0)), iam);
        api.route("GET /remote2", Integrations.lambda(remotes.get(1)), iam);
        api.route("GET /catalog/{item}", Integrations.http("https://catalog.example.com/items/{item}"), iam);
        api.route("GET /empty-content", EMPTY_CONTENT, iam);
        api.route("GET /health", Integrations.mock(MockResponse.json(200, "{\"status\":\"ok\"}")),
                RouteOptions.builder().authorization(Authorization.none()).summary("Health, not ${a-variable}").build());
        return fn;
    }

    @Test
    void textBodyHasAPartPerOtherFieldAndPerGroupOfPaths() {
        // Then the JSON-text Body is an Fn::Join of parts, each path item in exactly one of them
        JsonNode join = rawBody(textTemplate).get("Fn::Join");
        assertEquals("", join.get(0).asText());
        List<String> partTexts = new ArrayList<>();
        join.get(1).forEach(part -> partTexts.add(text(part)));
        JsonNode document = Fixtures.onlyResource(textTemplate, "AWS::ApiGateway::RestApi").at("/Properties/Body");
        Iterator<String> paths = document.get("paths").fieldNames();
        Set<String> pathParts = new HashSet<>();
        while (paths.hasNext()) {
            String key = "\"" + paths.next() + "\":{";
            List<String> holding = partTexts.stream().filter(t -> t.contains(key)).toList();
            assertEquals(1, holding.size(), key + " in " + partTexts);
            pathParts.add(holding.get(0));
        }
        // one part per other top-level field, the path groups, and the closing braces
        assertEquals(document.size() - 1 + pathParts.size() + 1, partTexts.size());
    }

    @Test
    void partsNameDeployTimeValuesThroughFnSub() {
        // Then the part with the paths is an Fn::Sub that names the function by logical id
        JsonNode sub = part(rawBody(textTemplate).get("Fn::Join").get(1), "/orders/{id}").get("Fn::Sub");
        String text = sub.get(0).asText();
        assertTrue(text.contains("functions/${" + functionId + ".Arn}/invocations"), text);
        assertTrue(text.contains("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:"), text);
        // where a literal "${" is the variable GatehouseDollarBrace (CloudFormation's own escape,
        // "${!", would swallow the Region reference that follows the unclosed "${ in")
        assertTrue(text.contains("\"summary\":\"Replaces ${GatehouseDollarBrace}order}\""), text);
        assertTrue(text.contains("\"summary\":\"Costs ${GatehouseDollarBrace} in ${AWS::Region}}\""), text);
        assertTrue(text.contains("\"summary\":\"Health, not ${GatehouseDollarBrace}a-variable}\""), text);
        assertEquals("${", sub.get(1).get("GatehouseDollarBrace").asText());
        // and a value from another stack is an Fn::Sub variable, which CloudFormation imports; each
        // value has its own name across the whole document
        assertTrue(text.contains("functions/${GatehouseValue0}/invocations"), text);
        assertTrue(text.contains("functions/${GatehouseValue1}/invocations"), text);
        assertTrue(sub.get(1).get("GatehouseValue0").has("Fn::ImportValue"), sub.get(1).toString());
        assertTrue(sub.get(1).get("GatehouseValue1").has("Fn::ImportValue"), sub.get(1).toString());
        assertFalse(sub.get(1).get("GatehouseValue0").equals(sub.get(1).get("GatehouseValue1")));
    }

    @Test
    void bothFormatsDeployTheSameDocumentAndTheSameDeployment() {
        // Then the text, read back, is the object form's document (references written as Fn::Sub)
        JsonNode text = Fixtures.onlyResource(textTemplate, "AWS::ApiGateway::RestApi").at("/Properties/Body");
        JsonNode object = Fixtures.onlyResource(objectTemplate, "AWS::ApiGateway::RestApi").at("/Properties/Body");
        assertFalse(rawBody(objectTemplate).has("Fn::Join"));
        // (an imported value is written Fn::Join in the object and an Fn::Sub variable in the text)
        assertTrue(object.at("/paths/~1remote/get/x-amazon-apigateway-integration/uri").toString().contains("Fn::ImportValue"));
        assertEquals(withoutPath(normalized(object), "/remote", "/remote2"), withoutPath(normalized(text), "/remote", "/remote2"));
        assertTrue(text.at("/paths/~1remote2/get/x-amazon-apigateway-integration/uri").toString().contains("Fn::ImportValue"));
        assertEquals("Replaces ${order}", text.at("/paths/~1orders~1{id}/post/summary").asText());
        assertEquals(JsonNodeFactory.instance.objectNode().set("Fn::Sub", JsonNodeFactory.instance.arrayNode()
                        .add("Costs ${GatehouseDollarBrace} in ${AWS::Region}}")
                        .add(JsonNodeFactory.instance.objectNode().put("GatehouseDollarBrace", "${"))),
                text.at("/paths/~1orders~1{id}/put/summary"));
        assertEquals(object.at("/paths/~1health/get"), text.at("/paths/~1health/get"));
        // (empty objects included: the object Body is a property, not a merged override)
        assertEquals(JsonNodeFactory.instance.objectNode(),
                object.at("/paths/~1empty-content/get/responses/200/content/application~1json"));
        assertEquals(JsonNodeFactory.instance.objectNode(),
                text.at("/paths/~1empty-content/get/responses/200/content/application~1json"));
        // and switching the format does not redeploy the stage (same Deployment logical id)
        assertEquals(Fixtures.onlyResource(objectTemplate, "AWS::ApiGateway::Deployment").get("id"),
                Fixtures.onlyResource(textTemplate, "AWS::ApiGateway::Deployment").get("id"));
        Fixtures.assertPassesDeployChecks(textTemplate);
        Fixtures.assertPassesDeployChecks(objectTemplate);
    }

    @Test
    void theExportedDocumentDoesNotDependOnTheFormat() {
        // Then what users export (getResolvedOpenApiDocument, the sample's *.openapi.json) is the same either way
        assertEquals(objectExported, textExported);
        assertTrue(objectExported.at("/paths/~1orders~1{id}/get/x-amazon-apigateway-integration/uri").toString()
                .contains("Fn::"), "deploy-time values stay intrinsics: " + objectExported);
    }

    private static JsonNode withoutPath(JsonNode document, String... paths) {
        ObjectNode copy = document.deepCopy();
        for (String path : paths) {
            ((ObjectNode) copy.get("paths")).remove(path);
        }
        return copy;
    }

    @Test
    void theDefaultIsAnObjectBodyProperty() {
        // Then without a format the Body is the document as an object: the body property, with
        // deploy-time values as Fn::Sub objects
        JsonNode body = rawBody(objectTemplate);
        assertEquals("3.0.1", body.get("openapi").asText(), body.toString());
        String uri = body.at("/paths/~1orders~1{id}/get/x-amazon-apigateway-integration/uri/Fn::Sub").asText();
        assertTrue(uri.contains("functions/${" + functionId + ".Arn}/invocations"), uri);
        // and a document whose summary holds a template parameter is an object too
        body = rawBody(parameterTemplate);
        assertFalse(body.has("Fn::Join"), body.toString());
        assertEquals("Owned by ${Owner}", body.at("/paths/~1a/get/summary/Fn::Sub").asText());
        Fixtures.assertPassesDeployChecks(parameterTemplate);
    }

    @Test
    void anotherFunctionFromAnotherStackRedeploys() {
        // Given the first API in a new app whose second remote function is another one
        App app = new App();
        Stack backend = new Stack(app, "Backend");
        Stack stack = new Stack(app, "Text");
        declare(stack, List.of(Fixtures.function(backend, "Remote1"), Fixtures.function(backend, "Other")),
                BodyFormat.JSON_TEXT);

        // When synthesized, then only the part with that path and the Deployment differ
        JsonNode template = Fixtures.templateJson(stack);
        assertFalse(Fixtures.onlyResource(textTemplate, "AWS::ApiGateway::Deployment").get("id")
                .equals(Fixtures.onlyResource(template, "AWS::ApiGateway::Deployment").get("id")));
        JsonNode before = rawBody(textTemplate).get("Fn::Join").get(1);
        JsonNode after = rawBody(template).get("Fn::Join").get(1);
        assertEquals(before.size(), after.size());
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(text(after.get(i)));
            }
        }
        assertEquals(1, changed.size(), changed.toString());
        assertTrue(changed.get(0).contains("\"/remote2\":{"), changed.get(0));
    }

    @Test
    void theSameApiInAnotherAppHasTheSameDeployment() {
        // Then nothing in the deployment hash differs from one synthesis to the next
        assertEquals(Fixtures.onlyResource(textTemplate, "AWS::ApiGateway::Deployment").get("id"),
                Fixtures.onlyResource(againTemplate, "AWS::ApiGateway::Deployment").get("id"));
        assertEquals(rawBody(textTemplate), rawBody(againTemplate));
    }

    private static JsonNode rawBody(JsonNode template) {
        for (Map.Entry<String, JsonNode> e : template.get("Resources").properties()) {
            if (e.getValue().path("Type").asText().equals("AWS::ApiGateway::RestApi")) {
                return e.getValue().at("/Properties/Body");
            }
        }
        throw new AssertionError("no RestApi");
    }

    private static String text(JsonNode part) {
        if (part.isTextual()) {
            return part.asText();
        }
        JsonNode sub = part.get("Fn::Sub");
        return sub.isArray() ? sub.get(0).asText() : sub.asText();
    }

    /** The part that holds path item {@code path}. */
    private static JsonNode part(JsonNode parts, String path) {
        for (JsonNode part : parts) {
            if (text(part).contains("\"" + path + "\":{")) {
                return part;
            }
        }
        throw new AssertionError("no part for " + path + " in " + parts);
    }

    /** {"Ref": X} and {"Fn::GetAtt": [A, B]} as the {"Fn::Sub": "${X}"} / "${A.B}" they equal. */
    private static JsonNode normalized(JsonNode node) {
        if (node.isObject()) {
            if (node.size() == 1 && node.has("Ref") && node.get("Ref").isTextual()) {
                return JsonNodeFactory.instance.objectNode().put("Fn::Sub", "${" + node.get("Ref").asText() + "}");
            }
            if (node.size() == 1 && node.has("Fn::GetAtt") && node.get("Fn::GetAtt").size() == 2) {
                JsonNode att = node.get("Fn::GetAtt");
                return JsonNodeFactory.instance.objectNode()
                        .put("Fn::Sub", "${" + att.get(0).asText() + "." + att.get(1).asText() + "}");
            }
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), normalized(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(normalized(element)));
            return copy;
        }
        return node;
    }
}
