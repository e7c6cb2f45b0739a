package dev.gatehouse.api;

import static dev.gatehouse.testing.Fixtures.synthError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.integrations.BodyConversion;
import dev.gatehouse.integrations.HttpRouteIntegrationOptions;
import dev.gatehouse.integrations.IntegrationContext;
import dev.gatehouse.integrations.IntegrationMapping;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.LambdaRouteIntegrationOptions;
import dev.gatehouse.integrations.ResponseMapping;
import dev.gatehouse.integrations.RouteIntegration;
import dev.gatehouse.integrations.RouteIntegrationConfig;
import dev.gatehouse.integrations.TemplatePassthrough;
import dev.gatehouse.testing.Fixtures;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.lambda.Function;

/**
 * One test per rule of mapping templates, request validation and binary media (GH220 to GH234):
 * the message names the subject, the problem and the fix.
 */
class MappingAndValidationRulesTest {
    private static final RouteOptions IAM = RouteOptions.of(Authorization.iam());

    /** Synthesizes an API built by {@code routes} (with a function to route to) and returns the error. */
    private static String errorOf(GatewayApiProps props, RoutesWithFunction routes) {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api", props);
        routes.declare(api, Fixtures.function(stack, "Fn"));
        return synthError(app);
    }

    private static String errorOf(RoutesWithFunction routes) {
        return errorOf(null, routes);
    }

    private interface RoutesWithFunction {
        void declare(GatewayApi api, Function fn);
    }

    private static LambdaRouteIntegrationOptions lambdaMapping(Consumer<IntegrationMapping.Builder> mapping) {
        IntegrationMapping.Builder builder = IntegrationMapping.builder();
        mapping.accept(builder);
        return LambdaRouteIntegrationOptions.builder().mapping(builder.build()).build();
    }

    private static HttpRouteIntegrationOptions httpMapping(Consumer<IntegrationMapping.Builder> mapping) {
        IntegrationMapping.Builder builder = IntegrationMapping.builder();
        mapping.accept(builder);
        return HttpRouteIntegrationOptions.builder().mapping(builder.build()).build();
    }

    private static RouteOptions validating(RequestValidation validation) {
        return RouteOptions.builder().authorization(Authorization.iam()).requestValidation(validation).build();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected «" + part + "» in:\n" + message);
        }
    }

    /** An integration kind written elsewhere (as another Gatehouse kind or a user would), with its own template. */
    private static final class TemplatedKind extends RouteIntegration {
        private final String template;

        TemplatedKind(String template) {
            this.template = template;
        }

        @Override
        public RouteIntegrationConfig bind(IntegrationContext context) {
            ObjectNode integration = JsonNodeFactory.instance.objectNode();
            integration.put("type", "aws");
            integration.put("httpMethod", "POST");
            integration.put("uri", "arn:aws:apigateway:eu-west-1:sqs:path/123456789012/orders");
            integration.putObject("requestTemplates").put("application/json", template);
            integration.putObject("responses").putObject("default").put("statusCode", "202");
            return new RouteIntegrationConfig(integration, RouteIntegrationConfig.responses("202", "Accepted"));
        }
    }

    @Test
    void gh220TemplatesParseAsVtlWhoeverWroteThem() {
        String message = errorOf((api, fn) -> {
            api.route("POST /orders", Integrations.lambda(fn, lambdaMapping(m -> m
                    .requestTemplate("application/json", "{\n  \"id\": \"$input.params('id')\",\n#if($x)\n}")
                    .response(ResponseMapping.builder().statusCode(200)
                            .responseTemplate("application/xml", "#set($x = )").build()))), IAM);
            api.route("POST /queue", new TemplatedKind("Action=SendMessage&MessageBody=$input.json('$)"), IAM);
        });
        assertMentions(message,
                "[GH220] route 'POST /orders': the request template for application/json is not valid VTL: line 4, "
                        + "column 2: the template ends inside a directive (an #if, #foreach, #macro or #define without "
                        + "#end, or an unclosed string or parenthesis). Fix: fix the template at that line",
                "[GH220] route 'POST /orders': the response template of the default integration response for "
                        + "application/xml is not valid VTL: line 1, column 11: Encountered \")\".",
                "[GH220] route 'POST /queue': the request template for application/json is not valid VTL: line 1, "
                        + "column 48: the template ends inside a directive");
    }

    @Test
    void gh221TemplatesAreAtMost300Kb() {
        String message = errorOf((api, fn) -> api.route("POST /bulk", Integrations.lambda(fn, lambdaMapping(m -> m
                .requestTemplate("application/json", "x".repeat(300 * 1024 + 1)))), IAM));
        assertMentions(message, "[GH221] route 'POST /bulk': the request template for application/json is 307201 bytes; "
                + "API Gateway accepts mapping templates of at most 307200 bytes (300 KB). Fix: move the bulk of it");
    }

    @Test
    void gh222TemplatesAndModelsAreKeyedByMediaTypes() {
        String message = errorOf((api, fn) -> api.route("POST /orders", Integrations.lambda(fn, lambdaMapping(m -> m
                        .requestTemplate("json", "{}")
                        .response(ResponseMapping.builder().statusCode(200).responseTemplate("text/*", "ok").build()))),
                validating(RequestValidation.builder().model("application/json; charset=utf-8",
                        RequestModel.fromString("Order", "{\"type\": \"object\"}")).build())));
        assertMentions(message,
                "[GH222] route 'POST /orders': the request template is keyed by 'json', which is not a type/subtype "
                        + "media type. Fix: key it by a media type without parameters or wildcards, e.g. application/json.",
                "[GH222] route 'POST /orders': the response template of the default integration response is keyed by "
                        + "'text/*'",
                "[GH222] route 'POST /orders': the request model 'Order' is declared for 'application/json; "
                        + "charset=utf-8', which is not a type/subtype media type.");
    }

    @Test
    void gh223ParameterMappingsUseApiGatewaysExpressions() {
        String message = errorOf((api, fn) -> api.route("POST /orders/{id}", Integrations.lambda(fn, lambdaMapping(m -> m
                .requestParameter("integration.request.headers.X-Tenant", "method.request.header.X-Tenant")
                .requestParameter("integration.request.path.orderId", "method.request.path.orderId")
                .requestParameter("integration.request.querystring.debug", "true")
                .response(ResponseMapping.builder().statusCode(200)
                        .responseParameter("method.response.body.x", "'1'")
                        .responseParameter("method.response.header.X-Trace", "integration.request.header.X-Trace")
                        .build()))), IAM));
        assertMentions(message,
                "[GH223] route 'POST /orders/{id}': the request parameter mapping target "
                        + "'integration.request.headers.X-Tenant' is not "
                        + "integration.request.path|querystring|header|multivaluequerystring|multivalueheader.<name>.",
                "[GH223] route 'POST /orders/{id}': the request parameter integration.request.path.orderId is mapped "
                        + "from method.request.path.orderId, but the route has no path variable {orderId}. Fix: use one "
                        + "of the route's variables [id].",
                "[GH223] route 'POST /orders/{id}': the request parameter integration.request.querystring.debug is "
                        + "mapped from 'true', which is not a mapping expression API Gateway accepts. Fix: use "
                        + "method.request.path|querystring|header.<name>",
                "[GH223] route 'POST /orders/{id}': the default integration response maps 'method.response.body.x', "
                        + "which is not method.response.header.<name>.",
                "[GH223] route 'POST /orders/{id}': the default integration response maps method.response.header.X-Trace "
                        + "from 'integration.request.header.X-Trace', which is not a mapping expression");
    }

    @Test
    void gh224SelectionPatternsAndStatusCodes() {
        String message = errorOf((api, fn) -> {
            api.route("POST /orders", Integrations.lambda(fn, lambdaMapping(m -> m
                    .response(ResponseMapping.byDefault(200))
                    .response(ResponseMapping.builder().selectionPattern("Invalid: ([a-z").statusCode(400).build())
                    .response(ResponseMapping.builder().selectionPattern("Gone.+").statusCode(42).build())
                    .response(ResponseMapping.builder().selectionPattern("Gone.+").statusCode(410).build()))), IAM);
            api.route("GET /quotes", Integrations.http("https://quotes.example.com/", httpMapping(m -> m
                    .response(ResponseMapping.byDefault(200))
                    .response(ResponseMapping.builder().selectionPattern("4xx").statusCode(400).build()))), IAM);
        });
        assertMentions(message,
                "[GH224] route 'POST /orders': the selection pattern 'Invalid: ([a-z' is not a Java regular expression: "
                        + "Unclosed character class at index 13.",
                "[GH224] route 'POST /orders': two integration responses have the selection pattern 'Gone.+'. Fix: "
                        + "keep one; API Gateway keys integration responses by their selection pattern.",
                "[GH224] route 'POST /orders': the integration response 'Gone.+' has status code '42'. Fix: use a "
                        + "status code from 100 to 599.",
                "[GH224] route 'GET /quotes': the integration response '4xx' is matched against the backend's 3-digit "
                        + "status code, and it matches none from 100 to 599. Fix: write a pattern for status codes, e.g. "
                        + "4\\d{2} for every 4xx or 404 for one.");
    }

    @Test
    void gh227PassthroughNeverNeedsTemplates() {
        String message = errorOf((api, fn) -> api.route("POST /orders", Integrations.lambda(fn, lambdaMapping(m -> m
                .passthrough(TemplatePassthrough.NEVER))), IAM));
        assertMentions(message, "[GH227] route 'POST /orders': its passthrough behaviour is NEVER but it has no request "
                + "template, so every request is rejected with 415. Fix: add a request template");
    }

    @Test
    void gh228ModelsAreValidDraft4WithOneSchemaPerName() {
        String message = errorOf((api, fn) -> {
            api.route("POST /a", Integrations.lambda(fn), validating(RequestValidation.builder()
                    .model(RequestModel.fromString("Order_v1", "{\"type\": \"object\"}")).build()));
            api.route("POST /b", Integrations.lambda(fn), validating(RequestValidation.builder()
                    .model(RequestModel.fromString("Broken", "{\"type\": ")).build()));
            api.route("POST /c", Integrations.lambda(fn), validating(RequestValidation.builder()
                    .model(RequestModel.fromString("Order", "{\"type\": \"object\", \"properties\": "
                            + "{\"sku\": {\"type\": \"strng\"}}, \"required\": []}")).build()));
            api.route("POST /d", Integrations.lambda(fn), validating(RequestValidation.builder()
                    .model(RequestModel.fromString("Line", "{\"type\": \"object\"}")).build()));
            api.route("POST /e", Integrations.lambda(fn), validating(RequestValidation.builder()
                    .model(RequestModel.fromString("Line", "{\"type\": \"array\"}")).build()));
            api.route("POST /f", Integrations.lambda(fn), validating(RequestValidation.builder()
                    .model(RequestModel.fromString("Cart", "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", "
                            + "\"type\": \"object\", \"properties\": {\"line\": {\"$ref\": \"#/definitions/Line\"}}}"))
                    .build()));
            api.route("POST /g", Integrations.lambda(fn), validating(RequestValidation.builder()
                    .model(RequestModel.fromString("Basket", "{\"type\": \"object\", \"properties\": "
                            + "{\"line\": {\"$ref\": \"#/components/schemas/Missing\"}}}"))
                    .build()));
        });
        assertMentions(message,
                "[GH228] request model 'Order_v1' (route 'POST /a'): its name has characters other than letters and "
                        + "digits, which API Gateway does not accept in model names. Fix: rename it, e.g. 'Orderv1'.",
                "[GH228] request model 'Broken' (route 'POST /b'): its schema is not JSON:",
                "[GH228] request model 'Order' (route 'POST /c'): it is not valid JSON Schema draft 4: ",
                "/properties/sku/type: does not have a value in the enumeration [\"array\", \"boolean\", \"integer\", "
                        + "\"null\", \"number\", \"object\", \"string\"]",
                "/required: must have at least 1 items but found 0",
                "[GH228] request model 'Line' (route 'POST /e'): another schema already has this name (declared by route "
                        + "'POST /d'); API Gateway keeps one model per name.",
                "[GH228] request model 'Cart' (route 'POST /f'): its $schema is 'http://json-schema.org/draft-07/schema#', "
                        + "but API Gateway models are JSON Schema draft 4.",
                "[GH228] request model 'Basket' (route 'POST /g'): its $ref '#/components/schemas/Missing' does not point "
                        + "to a model of this API.");
    }

    @Test
    void gh229ModelsUseOnlyWhatApiGatewaySupports() {
        String message = errorOf((api, fn) -> api.route("POST /orders", Integrations.lambda(fn),
                validating(RequestValidation.builder().model(RequestModel.fromString("Order", "{\"type\": \"object\", "
                        + "\"discriminator\": \"kind\", \"properties\": {"
                        + "\"count\": {\"type\": \"number\", \"format\": \"int32\", \"minimum\": 0, \"exclusiveMinimum\": true},"
                        + "\"price\": {\"type\": \"string\", \"format\": \"decimal\", \"example\": \"9.99\"},"
                        + "\"id\": {\"type\": \"string\", \"readOnly\": true}}}")).build())));
        assertMentions(message, "[GH229] request model 'Order' (route 'POST /orders'): it uses what API Gateway does not "
                + "support in models: discriminator at /discriminator, exclusiveMinimum at /properties/count/exclusiveMinimum, "
                + "number with format int32 at /properties/count/format (use type integer), example at "
                + "/properties/price/example, format decimal at /properties/price/format, readOnly at "
                + "/properties/id/readOnly. Fix: remove them");
    }

    @Test
    void gh230RequiredParametersAreNamedAsApiGatewayAccepts() {
        String message = errorOf((api, fn) -> api.route("GET /search", Integrations.lambda(fn),
                validating(RequestValidation.builder()
                        .requiredQueryParameters("q", "sort order")
                        .requiredHeaders("X-Tenant", "x-tenant")
                        .build())));
        assertMentions(message,
                "[GH230] route 'GET /search': the required query string parameter 'sort order' has characters API "
                        + "Gateway does not accept in parameter names.",
                "[GH230] route 'GET /search': the required header 'x-tenant' is listed twice (header names ignore case).");
    }

    @Test
    void gh233BinaryMediaTypesAreMediaTypesOrWildcards() {
        String message = errorOf(GatewayApiProps.builder().binaryMediaTypes(List.of("image/png", "png", "*/png",
                "image/PNG")).build(), (api, fn) -> api.route("GET /a", Integrations.lambda(fn), IAM));
        assertMentions(message,
                "[GH233] GatewayApi 'Api': the binary media type 'png' is not type/subtype. Fix: write a media type "
                        + "(image/png) or a wildcard of one (image/*, */*), without parameters.",
                "[GH233] GatewayApi 'Api': the binary media type '*/png' is not type/subtype.",
                "[GH233] GatewayApi 'Api': the binary media type 'image/PNG' is listed twice.");
    }

    @Test
    void warningsGh225Gh226Gh231Gh232Gh234() {
        // Given routes that deploy but do not do what they seem to
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        Function fn = Fixtures.function(stack, "Fn");
        api.route("POST /catch-all", Integrations.lambda(fn, lambdaMapping(m -> m
                .response(ResponseMapping.byDefault(200))
                .response(ResponseMapping.builder().selectionPattern(".*").statusCode(500).build()))), IAM);
        api.route("POST /no-default", Integrations.http("https://backend.example.com/", httpMapping(m -> m
                .response(ResponseMapping.builder().selectionPattern("2\\d{2}").statusCode(200).build()))), IAM);
        api.route("PUT /models-unchecked", Integrations.lambda(fn), validating(RequestValidation.builder()
                .validator(RequestValidationMode.PARAMETERS_ONLY)
                .model(RequestModel.fromString("Thing", "{\"type\": \"object\"}"))
                .build()));
        api.route("GET /parameters-unchecked", Integrations.lambda(fn), validating(RequestValidation.builder()
                .validator(RequestValidationMode.BODY_ONLY).requiredQueryParameters("q").build()));
        api.route("POST /upload", Integrations.lambda(fn, lambdaMapping(m -> m
                .contentHandling(BodyConversion.CONVERT_TO_TEXT))), IAM);

        // When it is synthesized, Then each is a warning
        app.synth();
        Annotations annotations = Annotations.fromStack(stack);
        for (String warning : List.of(
                "[GH225] route 'POST /catch-all': the integration response '.*' matches the empty string, so it also "
                        + "selects successful invocations, which have no errorMessage. Fix: require at least one "
                        + "character, e.g. '.+' or '(.|\\n)+' instead of '.*'.",
                "[GH226] route 'POST /no-default': its http integration has no default integration response, so a "
                        + "backend response no selection pattern matches becomes a 500 error.",
                "[GH231] route 'PUT /models-unchecked': it declares request models, but its validator (PARAMETERS_ONLY) "
                        + "does not validate the body, so the models are not enforced.",
                "[GH232] route 'PUT /models-unchecked': it accepts a body and reaches a backend, but its validator is "
                        + "PARAMETERS_ONLY; the deploy checks' posture rule reports this route.",
                "[GH231] route 'GET /parameters-unchecked': it requires query string parameters or headers, but its "
                        + "validator (BODY_ONLY) does not validate parameters, so they are not enforced.",
                "[GH234] route 'POST /upload': it converts request bodies to text (CONVERT_TO_TEXT), but the API declares "
                        + "no binary media types, so no request body is binary and nothing is converted.")) {
            annotations.hasWarning("/S/Api", Match.stringLikeRegexp(".*" + jsRegexQuote(warning) + ".*"));
        }
    }

    /** {@code text} as a JavaScript regular expression that matches it literally (Match runs JS regexes). */
    private static String jsRegexQuote(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }
}
