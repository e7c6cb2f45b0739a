package dev.gatehouse.checks.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.checks.Finding;
import dev.gatehouse.checks.Severity;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The forms AWS documents as importable, each built from AWS's own documentation, are accepted;
 * and next to each, what the import rejects or ignores is still reported, with the import's
 * severity. (The false alarms: AWS variables, the import's error/warning split,
 * {@code "openapi": "3.0"}, integration responses without method responses, Lambda URI forms,
 * {@code integrationTarget}, alternative security requirements.)
 */
class AwsDocumentedFormsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenApiCheck check = OpenApiCheck.withSharedSpec();

    private static ObjectNode corpus(String file) {
        try {
            return (ObjectNode) CorpusTest.read(Path.of(AwsDocumentedFormsTest.class.getResource("/corpus/" + file).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<Finding> findings(JsonNode document) {
        return check.checkDocument(document, "doc").findings();
    }

    private static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    private static void assertOne(List<Finding> findings, Severity severity, String path, String message) {
        String all = findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
        assertEquals(1, findings.size(), all);
        assertEquals(severity, findings.get(0).severity(), all);
        assertEquals(path, findings.get(0).path(), all);
        assertTrue(findings.get(0).message().contains(message), "expected '" + message + "' in " + all);
    }

    /** A one-operation OpenAPI 3.0 document around {@code integration} (JSON with ' for "). */
    private static ObjectNode withIntegration(String integration) {
        return json("{'openapi': '3.0.1', 'info': {'title': 't', 'version': '1'}, 'paths': {'/ask': {'post': {"
                + "'responses': {'200': {'description': 'ok'}}, 'x-amazon-apigateway-integration': " + integration + "}}}}");
    }

    private static final String AT = "paths./ask.post.x-amazon-apigateway-integration";

    // AWS variables for OpenAPI import (import-api-aws-variables)

    @Test
    void awsVariablesTheImportResolvesAreAccepted() {
        // Given AWS's example on "AWS variables for OpenAPI import": ${AWS::Partition}, ${AWS::Region}, ${AWS::AccountId}
        ObjectNode document = corpus("documents/aws-docs/import-api-aws-variables.openapi3.yaml");

        // When checked on its own, Then nothing is reported
        assertEquals(List.of(), findings(document));

        // and inside a template, as a plain Body object (CloudFormation leaves the strings to API Gateway)
        ObjectNode template = json("{'Resources': {'Api': {'Type': 'AWS::ApiGateway::RestApi', 'Properties': {}}}}");
        ((ObjectNode) template.at("/Resources/Api/Properties")).set("Body", document);
        assertEquals(List.of(), check.checkTemplate(template).findings());

        // while a variable the import does not resolve leaves the URI broken
        ((ObjectNode) document.at("/paths/~1/get/x-amazon-apigateway-integration")).put("uri",
                "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${AWS::Region}:"
                        + "${AWS::AccountNumber}:function:LambdaFunctionName/invocations");
        assertOne(findings(document), Severity.ERROR, "paths./.get.x-amazon-apigateway-integration.uri",
                "is not a Lambda function ARN");
    }

    // The import's error/warning split, and "openapi": "3.0"

    @Test
    void minorProblemsAreWarningsAsTheImportsAre() {
        // Given AWS's Lambda proxy example with a missing model reference, no info, and a server without url
        ObjectNode document = corpus("documents/aws-docs/set-up-lambda-proxy-integrations.openapi3.json");
        document.remove("info");
        ((ObjectNode) document.get("servers").get(0)).remove("url");
        ((ObjectNode) document.at("/paths/~1{proxy+}/x-amazon-apigateway-any-method/responses")).putObject("200")
                .put("description", "ok").putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/Pet");

        // When checked
        List<Finding> findings = findings(document);

        // Then each is a warning (failonwarnings=false, the default, imports anyway), none an error
        assertEquals(List.of(), errors(findings));
        String all = findings.toString();
        assertTrue(all.contains("attribute info is missing"), all);
        assertTrue(all.contains("servers.url is missing"), all);
        assertTrue(findings.stream().anyMatch(f -> f.path().equals("paths./{proxy+}.x-amazon-apigateway-any-method.responses.200"
                + ".content.application/json.schema.$ref") && f.message().contains("'#/components/schemas/Pet' is not in the "
                + "document")), all);
    }

    @Test
    void openApiThreeZeroAsSamWritesItIsImported() {
        // Given AWS's HTTP proxy example declared "openapi": "3.0"
        ObjectNode document = corpus("documents/aws-docs/setup-http-integrations.openapi3.json");
        document.put("openapi", "3.0");

        // When checked, Then nothing is reported; 3.1 is still an error
        assertEquals(List.of(), findings(document));
        document.put("openapi", "3.1.0");
        assertEquals("openapi", errors(findings(document)).get(0).path());
    }

    // Integration responses without a method response

    @Test
    void integrationResponsesWithoutMethodResponsesAreImported() {
        // Given AWS's Lambda proxy and HTTP proxy examples ("responses": {} and a default integration response to 200)
        // and the authorizer example's operation (x-amazon-apigateway-authorizer object page) in a document
        ObjectNode authorizerExample = json("{'openapi': '3.0.1', 'info': {'title': 't', 'version': '1'}, 'paths': {"
                + "'/http': {'get': {'responses': {}, 'security': [{'test-authorizer': []}], "
                + "'x-amazon-apigateway-integration': {'type': 'http', 'responses': {'default': {'statusCode': '200'}}, "
                + "'httpMethod': 'GET', 'uri': 'http://api.example.com'}}}}, 'components': {'securitySchemes': {"
                + "'test-authorizer': {'type': 'apiKey', 'name': 'auth', 'in': 'header', 'x-amazon-apigateway-authtype': 'custom', "
                + "'x-amazon-apigateway-authorizer': {'type': 'request', 'identitySource': 'method.request.header.auth', "
                + "'authorizerCredentials': 'arn:aws:iam::123456789012:role/AWSepIntegTest-CS-LambdaRole', "
                + "'authorizerUri': 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:"
                + "123456789012:function:APIGateway-Request-Authorizer:vtwo/invocations', 'authorizerResultTtlInSeconds': 300}}}}}");

        // When checked, Then none is an error
        assertEquals(List.of(), errors(findings(corpus("documents/aws-docs/set-up-lambda-proxy-integrations.openapi3.json"))));
        assertEquals(List.of(), errors(findings(corpus("documents/aws-docs/setup-http-integrations.openapi3.json"))));
        assertEquals(List.of(), errors(findings(authorizerExample)));

        // while a header mapping to a method response that does not declare the header is rejected
        ObjectNode document = withIntegration("{'type': 'mock', 'requestTemplates': {'application/json': '{}'}, 'responses': "
                + "{'default': {'statusCode': '200', 'responseParameters': {}}}}");
        ((ObjectNode) document.at("/paths/~1ask/post/x-amazon-apigateway-integration/responses/default/responseParameters"))
                .put("method.response.header.X-Id", "'1'");
        assertOne(findings(document), Severity.ERROR, AT + ".responses.default.responseParameters.method.response.header.X-Id",
                "sets header X-Id, which the 200 response does not declare in its headers");
    }

    // Lambda URI forms

    @Test
    void responseStreamingLambdaUrisAreAccepted() {
        // Given the URI of "Set up a Lambda proxy integration with payload response streaming", with STREAM
        ObjectNode document = withIntegration("{'type': 'aws_proxy', 'httpMethod': 'POST', 'responseTransferMode': 'STREAM', "
                + "'timeoutInMillis': 900000, 'uri': 'arn:aws:apigateway:us-west-1:lambda:path/2021-11-15/functions/"
                + "arn:aws:lambda:us-west-1:111122223333:function:my-function-name/response-streaming-invocations'}");

        // When checked, Then nothing is reported (a streaming integration may take 15 minutes)
        assertEquals(List.of(), findings(document));

        // but streaming is for proxy integrations only, and 15 minutes is its limit
        ((ObjectNode) document.at("/paths/~1ask/post/x-amazon-apigateway-integration")).put("type", "aws");
        assertTrue(errors(findings(document)).stream().anyMatch(f -> f.path().equals(AT + ".responseTransferMode")
                && f.message().contains("streams responses of aws_proxy and http_proxy integrations only")), findings(document).toString());
        ((ObjectNode) document.at("/paths/~1ask/post/x-amazon-apigateway-integration")).put("type", "aws_proxy")
                .put("timeoutInMillis", 900_001);
        assertOne(findings(document), Severity.ERROR, AT + ".timeoutInMillis", "above the 900,000 ms (15 minutes)");
    }

    @Test
    void stageVariableFunctionNamesAndVersionsAreAccepted() {
        // Given the forms of "Amazon API Gateway stage variables reference"
        for (String function : List.of("arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.function}",
                "arn:aws:lambda:us-east-1:123456789012:function:HelloWorld:${stageVariables.version}")) {
            ObjectNode document = withIntegration("{'type': 'aws_proxy', 'httpMethod': 'POST', 'uri': "
                    + "'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + function + "/invocations'}");

            // When checked, Then nothing is reported
            assertEquals(List.of(), findings(document), function);
        }
        // while a function name with a character Lambda does not allow is reported
        ObjectNode bad = withIntegration("{'type': 'aws_proxy', 'httpMethod': 'POST', 'uri': 'arn:aws:apigateway:us-east-1:"
                + "lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Hello World/invocations'}");
        assertOne(findings(bad), Severity.ERROR, AT + ".uri", "is not a Lambda function ARN");
    }

    @Test
    void anAliasOnADeployTimeFunctionArnIsAccepted() {
        // Given a template whose Body invokes ${Fn.Arn}:live (an alias of a function of the template)
        ObjectNode template = json("{'Resources': {'Fn': {'Type': 'AWS::Lambda::Function', 'Properties': {}}, "
                + "'Api': {'Type': 'AWS::ApiGateway::RestApi', 'Properties': {}}}}");
        ObjectNode body = withIntegration("{'type': 'aws_proxy', 'httpMethod': 'POST', 'uri': {'Fn::Sub': "
                + "'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}:live/invocations'}}");
        ((ObjectNode) template.at("/Resources/Api/Properties")).set("Body", body);

        // When checked, Then nothing is reported
        assertEquals(List.of(), check.checkTemplate(template).findings());

        // while a qualifier on the function's name (its Ref) is still the name, not an ARN
        ((ObjectNode) body.at("/paths/~1ask/post/x-amazon-apigateway-integration/uri")).put("Fn::Sub",
                "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn}:live/invocations");
        assertOne(check.checkTemplate(template).findings(), Severity.ERROR, AT + ".uri",
                "the function is given as Ref Fn, which is its name; API Gateway needs its ARN");
    }

    // VPC link V2

    @Test
    void integrationTargetOfAVpcLinkV2IsAccepted() {
        // Given the private integration of "Set up a private integration" (VPC link V2 to a load balancer)
        for (String connectionId : List.of("bbb111", "${stageVariables.vpcLinkV2Id}")) {
            ObjectNode document = withIntegration("{'type': 'http_proxy', 'httpMethod': 'GET', 'uri': 'https://example.com:443/path', "
                    + "'connectionType': 'VPC_LINK', 'connectionId': '" + connectionId + "', 'integrationTarget': "
                    + "'arn:aws:elasticloadbalancing:us-east-2:111122223333:loadbalancer/app/myLoadBalancerName/1234567891011'}");

            // When checked, Then nothing is reported
            assertEquals(List.of(), findings(document), connectionId);
        }
        // while a target without a VPC link, or one that is no load balancer, is rejected
        ObjectNode internet = withIntegration("{'type': 'http_proxy', 'httpMethod': 'GET', 'uri': 'https://example.com/path', "
                + "'integrationTarget': 'arn:aws:elasticloadbalancing:us-east-2:111122223333:loadbalancer/app/lb/1234567891011'}");
        assertOne(findings(internet), Severity.ERROR, AT + ".integrationTarget", "applies only to private integrations");
        ObjectNode notLoadBalancer = withIntegration("{'type': 'http_proxy', 'httpMethod': 'GET', 'uri': 'https://example.com/path', "
                + "'connectionType': 'VPC_LINK', 'connectionId': 'bbb111', 'integrationTarget': 'arn:aws:s3:::bucket'}");
        assertOne(findings(notLoadBalancer), Severity.ERROR, AT + ".integrationTarget",
                "is not the ARN of an Application or Network Load Balancer");
    }

    // Alternative security requirements

    @Test
    void anAuthorizerOrKeyAlternativeAsSamWritesItIsAccepted() {
        // Given SAM's form for an authorizer with a required API key
        ObjectNode document = corpus("documents/aws-docs/set-up-lambda-proxy-integrations.openapi3.json");
        document.set("components", json("{'securitySchemes': {'api_key': {'type': 'apiKey', 'name': 'x-api-key', 'in': 'header'}, "
                + "'MyCognitoAuth': {'type': 'apiKey', 'name': 'Authorization', 'in': 'header', "
                + "'x-amazon-apigateway-authtype': 'cognito_user_pools', 'x-amazon-apigateway-authorizer': {"
                + "'type': 'cognito_user_pools', 'providerARNs': ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_ab']}}}}"));
        ((ObjectNode) document.at("/paths/~1{proxy+}/x-amazon-apigateway-any-method"))
                .set("security", JSON.valueToTree(List.of(java.util.Map.of("MyCognitoAuth", List.of()),
                        java.util.Map.of("api_key", List.of()))));

        // When checked, Then nothing is reported
        assertEquals(List.of(), findings(document));
    }

    // What the import ignores is still reported, as a warning

    @Test
    void whatTheImportIgnoresIsAWarning() {
        // Given AWS's Lambda proxy example with an authorizer under securityDefinitions, and x-amazon-apigateway-cors
        ObjectNode document = corpus("documents/aws-docs/set-up-lambda-proxy-integrations.openapi3.json");
        document.set("securityDefinitions", json("{'auth': {'type': 'apiKey', 'name': 'Authorization', 'in': 'header'}}"));
        document.putObject("x-amazon-apigateway-cors").putArray("allowOrigins").add("https://example.com");

        // When checked
        List<Finding> findings = findings(document);

        // Then each is a warning at its place
        assertEquals(List.of(), errors(findings));
        assertTrue(findings.stream().anyMatch(f -> f.path().equals("securityDefinitions")
                && f.message().contains("the import ignores Swagger 2.0's securityDefinitions here")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.path().equals("x-amazon-apigateway-cors")
                && f.message().contains("is an HTTP API extension")), findings.toString());
    }
}
