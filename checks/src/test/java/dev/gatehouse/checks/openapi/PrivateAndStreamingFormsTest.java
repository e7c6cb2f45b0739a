package dev.gatehouse.checks.openapi;

import static dev.gatehouse.checks.GatehouseTemplate.JSON;
import static dev.gatehouse.checks.GatehouseTemplate.at;
import static dev.gatehouse.checks.GatehouseTemplate.body;
import static dev.gatehouse.checks.GatehouseTemplate.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.checks.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Forms AWS documents for private integrations through a VPC link V2 and for response streaming,
 * which the import rules accept, and their broken variants, which they reject.
 */
class PrivateAndStreamingFormsTest {
    private static final String ORDERS_GET = "/paths/~1orders/get";
    private static final String AT = "paths./orders.get.x-amazon-apigateway-integration";
    private final OpenApiCheck check = OpenApiCheck.withSharedSpec();

    /** The Gatehouse fixture template with GET /orders integrated as {@code integration} (JSON, ' for "). */
    private List<Finding> findingsWith(String integration) throws JsonProcessingException {
        ObjectNode template = template();
        at(body(template), ORDERS_GET).set("x-amazon-apigateway-integration",
                JSON.readTree(integration.replace('\'', '"')));
        return check.checkTemplate(template).findings();
    }

    private static void assertOne(List<Finding> findings, String path, String message) {
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(path, findings.get(0).path(), findings.toString());
        assertTrue(findings.get(0).message().contains(message), "expected '" + message + "' in " + findings);
    }

    @Test
    void aPrivateIntegrationThroughAVpcLinkV2IsAccepted() throws JsonProcessingException {
        // Given the integration of AWS's "Set up a private integration" (put-integration with
        // --integration-target, the ARN of a load balancer), literally and as Gatehouse writes it
        // (the load balancer's Ref, which is its ARN)
        for (String target : List.of(
                "'arn:aws:elasticloadbalancing:us-east-2:111122223333:loadbalancer/app/myLoadBalancerName/1234567891011'",
                "{'Ref': 'Alb'}")) {
            String integration = "{'type': 'http_proxy', 'httpMethod': 'GET', 'uri': 'https://example.com:443/path', "
                    + "'connectionType': 'VPC_LINK', 'connectionId': 'bbb111', 'integrationTarget': " + target + "}";
            ObjectNode template = template();
            at(body(template), ORDERS_GET).set("x-amazon-apigateway-integration", JSON.readTree(integration.replace('\'', '"')));
            ((ObjectNode) template.get("Resources")).set("Alb", JSON.readTree(
                    "{\"Type\": \"AWS::ElasticLoadBalancingV2::LoadBalancer\", \"Properties\": {}}"));

            // When checked, Then nothing is reported
            assertEquals(List.of(), check.checkTemplate(template).findings(), target);
        }
    }

    @Test
    void anIntegrationTargetOutsideAPrivateIntegrationOrNotALoadBalancerIsRejected() throws JsonProcessingException {
        assertOne(findingsWith("{'type': 'http_proxy', 'httpMethod': 'GET', 'uri': 'https://example.com/path', "
                        + "'integrationTarget': 'arn:aws:elasticloadbalancing:us-east-2:111122223333:loadbalancer/app/lb/1'}"),
                AT + ".integrationTarget", "applies only to private integrations");
        assertOne(findingsWith("{'type': 'http_proxy', 'httpMethod': 'GET', 'uri': 'https://example.com/path', "
                        + "'connectionType': 'VPC_LINK', 'connectionId': 'bbb111', 'integrationTarget': 'arn:aws:s3:::bucket'}"),
                AT + ".integrationTarget", "is not the ARN of an Application or Network Load Balancer");
    }

    @Test
    void aStreamedLambdaProxyIntegrationIsAccepted() throws JsonProcessingException {
        // Given the URI of AWS's "Set up a Lambda proxy integration with payload response streaming"
        // (InvokeWithResponseStream, API version 2021-11-15) and a 15-minute timeout ("You can stream
        // your response for up to 15 minutes", response-transfer-mode.html)
        String integration = "{'type': 'aws_proxy', 'httpMethod': 'POST', 'responseTransferMode': 'STREAM', "
                + "'timeoutInMillis': 900000, 'uri': {'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:"
                + "lambda:path/2021-11-15/functions/${OrdersA9B65338.Arn}/response-streaming-invocations'}}";

        // When checked, Then nothing is reported
        assertEquals(List.of(), findingsWith(integration));
    }

    @Test
    void streamingBeyondProxiesOrFifteenMinutesIsRejected() throws JsonProcessingException {
        assertOne(findingsWith("{'type': 'mock', 'responseTransferMode': 'STREAM', 'requestTemplates': "
                        + "{'application/json': '{\\\"statusCode\\\": 200}'}}"),
                AT + ".responseTransferMode", "streams responses of aws_proxy and http_proxy integrations only");
        assertOne(findingsWith("{'type': 'http_proxy', 'httpMethod': 'GET', 'uri': 'https://example.com/path', "
                        + "'responseTransferMode': 'STREAM', 'timeoutInMillis': 900001}"),
                AT + ".timeoutInMillis", "above the 900,000 ms (15 minutes)");
        assertOne(findingsWith("{'type': 'http_proxy', 'httpMethod': 'GET', 'uri': 'https://example.com/path', "
                        + "'responseTransferMode': 'STREAMING'}"),
                AT + ".responseTransferMode", "STREAMING");
    }
}
