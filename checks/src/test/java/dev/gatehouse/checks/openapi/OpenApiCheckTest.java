package dev.gatehouse.checks.openapi;

import static dev.gatehouse.checks.GatehouseTemplate.API;
import static dev.gatehouse.checks.GatehouseTemplate.JSON;
import static dev.gatehouse.checks.GatehouseTemplate.at;
import static dev.gatehouse.checks.GatehouseTemplate.body;
import static dev.gatehouse.checks.GatehouseTemplate.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.checks.CheckResult;
import dev.gatehouse.checks.Finding;
import dev.gatehouse.checks.Severity;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each kind of problem the OpenAPI check reports, on a broken copy of a real RestApi Body. */
class OpenApiCheckTest {
    private static final String BODY = API + " Body";
    private static final String ORDERS_GET = "/paths/~1orders/get";
    private static final String HEALTH_GET = "/paths/~1health/get";
    private final OpenApiCheck check = OpenApiCheck.withSharedSpec();

    private List<Finding> findings(Consumer<ObjectNode> breakBody) {
        ObjectNode template = template();
        breakBody.accept(body(template));
        return check.checkTemplate(template).findings();
    }

    /** The single finding, an error, which must be at {@code path} and say {@code message}. */
    private void assertOnly(Consumer<ObjectNode> breakBody, String path, String message) {
        assertOnly(breakBody, Severity.ERROR, path, message);
    }

    /** The single finding, of {@code severity}, which must be at {@code path} and say {@code message}. */
    private void assertOnly(Consumer<ObjectNode> breakBody, Severity severity, String path, String message) {
        List<Finding> findings = findings(breakBody);
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals(BODY, f.subject(), f.toString());
        assertEquals(path, f.path(), f.toString());
        assertTrue(f.message().contains(message), "expected '" + message + "' in " + f);
        assertEquals(severity, f.severity(), f.toString());
    }

    /** Among the findings, one of {@code severity} at {@code path} saying {@code message}. */
    private void assertHas(Consumer<ObjectNode> breakBody, Severity severity, String path, String message) {
        List<Finding> findings = findings(breakBody);
        assertTrue(findings.stream().anyMatch(f -> f.path().equals(path) && f.message().contains(message)
                        && f.severity() == severity),
                "expected " + severity + " '" + message + "' at '" + path + "' in " + findings);
    }

    private static ObjectNode integration(ObjectNode body, String operation) {
        return at(body, operation + "/x-amazon-apigateway-integration");
    }

    @Test
    void theBodyGatehouseSynthesizedAndItsExportedFormHaveNoFindings() {
        CheckResult result = check.checkTemplate(template());
        assertEquals(List.of(), result.findings());
        assertEquals("1 RestApi Body document, 13 operations", result.checked());
        // the same document outside the template: every reference is an unknown value
        assertEquals(List.of(), check.checkDocument(body(template()), "exported").findings());
    }

    @Test
    void swaggerParserMessagesAreWarningsAsTheImportsOwnAreAndOpenApi31IsAnError() {
        // swagger-parser's objections to a document it can read: API Gateway imports with a warning
        assertOnly(b -> at(b, "/info").remove("title"), Severity.WARNING, "",
                "OpenAPI 3.0 (swagger-parser): attribute info.title is missing");
        assertOnly(b -> at(b, HEALTH_GET).remove("responses"), Severity.WARNING, "",
                "OpenAPI 3.0 (swagger-parser): attribute paths.'/health'(get).responses is missing");
        // a document it cannot read, and a version the import does not take, are errors
        assertOnly(b -> b.put("openapi", "3.1.0"), "openapi", "API Gateway imports OpenAPI 3.0 and Swagger 2.0, not 3.1");
        assertHas(b -> b.remove("openapi"), Severity.ERROR, "", "swagger-parser could not read the document as OpenAPI 3.0");
    }

    @Test
    void unknownExtensionsAndIntegrationFieldsAreReported() {
        // a misspelt extension is ignored by the import (a warning); the integration it leaves missing fails the deployment
        assertHas(b -> at(b, ORDERS_GET).set("x-amazon-apigateway-integrations", at(b, ORDERS_GET).remove("x-amazon-apigateway-integration")),
                Severity.ERROR, "paths./orders.get", "the operation has no x-amazon-apigateway-integration");
        assertHas(b -> at(b, ORDERS_GET).set("x-amazon-apigateway-integrations", at(b, ORDERS_GET).remove("x-amazon-apigateway-integration")),
                Severity.WARNING, "paths./orders.get.x-amazon-apigateway-integrations", "Did you mean 'x-amazon-apigateway-integration'?");
        assertOnly(b -> at(b, ORDERS_GET).put("x-amazon-apigateway-request-validatr", "body-and-parameters"), Severity.WARNING,
                "paths./orders.get.x-amazon-apigateway-request-validatr", "is not an API Gateway extension of this object; "
                        + "the import ignores it. Did you mean 'x-amazon-apigateway-request-validator'?");
        // HTTP API extensions are named as such
        assertOnly(b -> b.putObject("x-amazon-apigateway-cors").putArray("allowOrigins").add("https://example.com"),
                Severity.WARNING, "x-amazon-apigateway-cors", "'x-amazon-apigateway-cors' is an HTTP API extension; "
                        + "a REST API import ignores it. Fix: answer CORS preflights with OPTIONS operations");
        assertOnly(b -> integration(b, ORDERS_GET).put("timeoutInMilis", 5000),
                "paths./orders.get.x-amazon-apigateway-integration.timeoutInMilis", "Did you mean 'timeoutInMillis'?");
        assertOnly(b -> integration(b, ORDERS_GET).put("type", "lambda"),
                "paths./orders.get.x-amazon-apigateway-integration.type", "'lambda' is not an integration type");
    }

    @Test
    void lambdaIntegrationsNeedTheInvocationUriOfAFunctionArnAndPost() {
        assertOnly(b -> integration(b, ORDERS_GET).put("httpMethod", "GET"),
                "paths./orders.get.x-amazon-apigateway-integration.httpMethod", "Lambda is invoked with POST");
        assertOnly(b -> integration(b, ORDERS_GET).putObject("uri").put("Fn::Sub",
                        "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OrdersA9B65338.Arn}"),
                "paths./orders.get.x-amazon-apigateway-integration.uri", "is not a Lambda invocation URI");
        assertOnly(b -> integration(b, ORDERS_GET).putObject("uri").put("Fn::Sub",
                        "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OrdersA9B65338}/invocations"),
                "paths./orders.get.x-amazon-apigateway-integration.uri",
                "the function is given as Ref OrdersA9B65338, which is its name; API Gateway needs its ARN");
        assertOnly(b -> integration(b, ORDERS_GET).put("uri",
                        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:s3:::bucket/invocations"),
                "paths./orders.get.x-amazon-apigateway-integration.uri", "is not a Lambda function ARN");
        // a literal ARN of a function, and of an alias, are fine
        assertEquals(List.of(), findings(b -> integration(b, ORDERS_GET).put("uri", "arn:aws:apigateway:eu-west-1:lambda:path"
                + "/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:orders:live/invocations")));
    }

    @Test
    void integrationCredentialsAreARoleOrTheCallers() {
        // x-amazon-apigateway-integration: "For AWS IAM role-based credentials, specify the ARN of an
        // appropriate IAM role. ... To use the caller's identity, specify arn:aws:iam::*:user/*."
        assertOnly(b -> integration(b, ORDERS_GET).put("credentials", "arn:aws:iam::123456789012:user/bob"),
                "paths./orders.get.x-amazon-apigateway-integration.credentials",
                "'arn:aws:iam::123456789012:user/bob' is neither the ARN of an IAM role API Gateway assumes nor "
                        + "arn:aws:iam::*:user/* (the caller's own credentials).");
        assertEquals(List.of(), findings(b -> integration(b, ORDERS_GET).put("credentials", "arn:aws:iam::*:user/*")));
        assertEquals(List.of(), findings(b -> integration(b, ORDERS_GET)
                .put("credentials", "arn:aws:iam::123456789012:role/api-gateway-integrations")));
    }

    @Test
    void httpIntegrationsMapEveryUrlVariable() {
        assertOnly(b -> integration(b, "/paths/~1catalog~1{proxy+}/x-amazon-apigateway-any-method").remove("requestParameters"),
                "paths./catalog/{proxy+}.x-amazon-apigateway-any-method.x-amazon-apigateway-integration.uri",
                "the URL uses {proxy}, but requestParameters does not map integration.request.path.proxy");
        assertOnly(b -> integration(b, "/paths/~1catalog~1{proxy+}/x-amazon-apigateway-any-method").withObjectProperty("requestParameters")
                        .put("integration.request.header.X-Tenant", "method.request.header.X-Tenant"),
                "paths./catalog/{proxy+}.x-amazon-apigateway-any-method.x-amazon-apigateway-integration.requestParameters"
                        + ".integration.request.header.X-Tenant",
                "maps method.request.header.X-Tenant, which the operation does not declare as a header parameter");
        assertOnly(b -> integration(b, "/paths/~1catalog~1{proxy+}/x-amazon-apigateway-any-method").put("uri", "catalog.example.com/{proxy}"),
                "paths./catalog/{proxy+}.x-amazon-apigateway-any-method.x-amazon-apigateway-integration.uri",
                "is not an absolute http:// or https:// URL");
    }

    @Test
    void anInlinePrimitiveMethodResponseSchemaIsAWarningAsTheImportLeavesItsModelOut() {
        // Given the health route's 200 response with an inline string schema, When checked, Then one warning
        List<Finding> findings = findings(b -> at(b, HEALTH_GET + "/responses/200").putObject("content")
                .putObject("application/json").putObject("schema").put("type", "string"));
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.WARNING, findings.get(0).severity(), findings.toString());
        assertTrue(findings.get(0).message().startsWith("API Gateway creates models for method responses from objects "
                + "(or a $ref to a model), not from an inline string"), findings.toString());
        // and an object schema is imported as a model: nothing to say
        assertEquals(List.of(), findings(b -> at(b, HEALTH_GET + "/responses/200").putObject("content")
                .putObject("application/json").putObject("schema").put("type", "object")));
    }

    @Test
    void integrationResponsesMaySetOnlyHeadersTheirMethodResponseDeclares() {
        // a status the operation's responses do not declare is imported (AWS's own proxy examples have that shape)
        assertEquals(List.of(), findings(b -> at(integration(b, HEALTH_GET), "/responses/default").put("statusCode", "201")));
        // a header its method response does not declare is rejected
        assertOnly(b -> at(integration(b, HEALTH_GET), "/responses/default").putObject("responseParameters")
                        .put("method.response.header.Cache-Control", "'no-store'"),
                "paths./health.get.x-amazon-apigateway-integration.responses.default.responseParameters"
                        + ".method.response.header.Cache-Control",
                "sets header Cache-Control, which the 200 response does not declare in its headers");
    }

    @Test
    void securityRequirementsNameDefinedSchemesOneAuthorizerAtATime() {
        // a scheme nobody defined cannot be applied (AWS's own request validation sample imports with one: a warning)
        assertOnly(b -> at(b, ORDERS_GET).putArray("security").addObject().putArray("TokenAuthorizer"), Severity.WARNING,
                "paths./orders.get.security[0].TokenAuthorizer",
                "names security scheme 'TokenAuthorizer', which components.securitySchemes does not define, so API "
                        + "Gateway cannot apply it to the method. Did you mean 'TokenFnAuthorizer'?");
        // alternatives naming two authorizers cannot all apply; one requirement combining two is rejected
        assertOnly(b -> at(b, ORDERS_GET).withArray("security").addObject().putArray("sigv4"), Severity.WARNING,
                "paths./orders.get.security", "the alternatives name 2 authorizers [TokenFnAuthorizer, sigv4], but API "
                        + "Gateway gives a method one authorizer");
        assertOnly(b -> ((ObjectNode) at(b, ORDERS_GET).withArray("security").get(0)).putArray("sigv4"),
                "paths./orders.get.security[0]", "the requirement combines [TokenFnAuthorizer, sigv4]");
        // document-level security is ignored by the import
        assertOnly(b -> b.putArray("security").addObject().putArray("sigv4"), Severity.WARNING, "security",
                "API Gateway ignores document-level security");
    }

    @Test
    void authorizersAreChecked() {
        String token = "/components/securitySchemes/TokenFnAuthorizer/x-amazon-apigateway-authorizer";
        assertOnly(b -> at(b, token).remove("authorizerUri"), "components.securitySchemes.TokenFnAuthorizer.x-amazon-apigateway-authorizer",
                "a token authorizer needs authorizerUri");
        assertOnly(b -> at(b, token).put("authorizerResultTtlInSeconds", 7200),
                "components.securitySchemes.TokenFnAuthorizer.x-amazon-apigateway-authorizer.authorizerResultTtlInSeconds",
                "expected 0 to 3600 seconds");
        assertOnly(b -> at(b, "/components/securitySchemes/RequestFnAuthorizer/x-amazon-apigateway-authorizer")
                        .put("identitySource", "header.X-Session"),
                "components.securitySchemes.RequestFnAuthorizer.x-amazon-apigateway-authorizer.identitySource",
                "'header.X-Session' is not an identity source");
        assertOnly(b -> at(b, "/components/securitySchemes/CognitoUserPools/x-amazon-apigateway-authorizer").remove("providerARNs"),
                "components.securitySchemes.CognitoUserPools.x-amazon-apigateway-authorizer", "needs providerARNs");
        assertHas(b -> at(b, "/components/securitySchemes/sigv4").put("type", "http"), Severity.ERROR,
                "components.securitySchemes.sigv4.type", "accept only security schemes of type apiKey");
    }

    @Test
    void unsupportedSchemaFeaturesAreReported() {
        List<Finding> findings = findings(b -> {
            ObjectNode schemas = b.withObjectProperty("components").putObject("schemas");
            ObjectNode order = schemas.putObject("Order");
            order.put("type", "object").putObject("discriminator").put("propertyName", "kind");
            ObjectNode properties = order.putObject("properties");
            properties.putObject("total").put("type", "number").put("format", "int64");
            properties.putObject("count").put("type", "integer").put("minimum", 0).put("exclusiveMinimum", true);
            properties.putObject("id").put("type", "string").put("readOnly", true).put("example", "o-1");
            schemas.putObject("Order-Input").put("type", "object");
        });
        List<String> paths = findings.stream().map(Finding::path).sorted().toList();
        assertEquals(List.of("components.schemas.Order-Input", "components.schemas.Order.discriminator",
                "components.schemas.Order.properties.count.exclusiveMinimum", "components.schemas.Order.properties.id.example",
                "components.schemas.Order.properties.id.readOnly", "components.schemas.Order.properties.total.format"), paths,
                findings.toString());
        assertTrue(findings.stream().allMatch(f -> f.severity() == Severity.ERROR));
    }

    @Test
    void pathsFollowApiGatewaysRules() {
        assertHas(b -> b.withObjectProperty("paths").set("/orders/id-{id}", b.withObjectProperty("paths").remove("/orders/{id}")),
                Severity.ERROR, "paths./orders/id-{id}", "or a variable that is not a whole segment");
        assertOnly(b -> b.withObjectProperty("paths").set("/orders//all", b.withObjectProperty("paths").remove("/health")),
                "paths./orders//all", "the path has an empty segment");
        assertHas(b -> b.withObjectProperty("paths").set("/files/{proxy+}/meta", b.withObjectProperty("paths").remove("/catalog/{proxy+}")),
                Severity.ERROR, "paths./files/{proxy+}/meta", "the greedy variable {proxy+} must be the last segment");
    }

    @Test
    void documentExtensionsAreChecked() {
        assertOnly(b -> b.put("x-amazon-apigateway-request-validator", "everything"),
                "x-amazon-apigateway-request-validator", "names request validator 'everything'");
        assertOnly(b -> at(b, "/x-amazon-apigateway-gateway-responses").set("DEFAULT_4xx",
                        at(b, "/x-amazon-apigateway-gateway-responses").remove("DEFAULT_4XX")),
                "x-amazon-apigateway-gateway-responses.DEFAULT_4xx", "is not a gateway response type. Did you mean 'DEFAULT_4XX'?");
        assertOnly(b -> b.put("x-amazon-apigateway-api-key-source", "QUERY"), "x-amazon-apigateway-api-key-source",
                "'QUERY' is not HEADER or AUTHORIZER");
    }

    @Test
    void externalReferencesAreReportedWithoutBeingFetched() {
        List<Finding> findings = findings(b -> at(b, ORDERS_GET).putObject("requestBody").putObject("content")
                .putObject("application/json").putObject("schema").put("$ref", "https://schemas.example.com/order.json"));
        assertTrue(findings.stream().anyMatch(f -> f.path().endsWith("schema.$ref")
                && f.message().contains("points outside the document")), findings.toString());
    }

    @Test
    void documentsOverSixMegabytesAreReported() {
        String big = "x".repeat(6 * 1024 * 1024);
        assertOnly(b -> at(b, "/info").put("description", big), "",
                "bytes; API Gateway imports definitions of at most 6291456 bytes (6 MB)");
    }

    @Test
    void aBodyComputedAtDeployTimeIsAWarningNotASilentPass() {
        ObjectNode template = template();
        at(template, "/Resources/" + API + "/Properties").set("Body", JSON.createObjectNode().put("Fn::ImportValue", "Doc"));
        List<Finding> findings = check.checkTemplate(template).findings();
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("cannot be checked before deployment"));
    }
}
