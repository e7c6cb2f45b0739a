package dev.gatehouse.integrations;

import static dev.gatehouse.testing.Fixtures.countResources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.api.StageSettings;
import dev.gatehouse.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.VpcLink;
import software.amazon.awscdk.services.apigateway.VpcLinkProps;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseNetworkListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkTargetGroup;

/**
 * Private integrations: an API's own VPC link V2 to an Application Load Balancer and to a TLS
 * Network Load Balancer listener, a legacy VPC link V1, and a second API through a shared link;
 * synthesized once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateHttpIntegrationTest {
    private JsonNode template;
    private JsonNode paths;
    private JsonNode sharedPaths;
    private String albId;
    private String linkId;
    private String sharedLinkId;

    @BeforeAll
    void synthesize() {
        // Given a VPC with an internal ALB (HTTP 80) and an internal NLB (TLS 8443, TCP 80)
        App app = new App();
        Stack stack = new Stack(app, "Internal");
        Vpc vpc = LoadBalancers.isolatedVpc(stack, 2);
        ApplicationListener web = LoadBalancers.httpListener(stack, vpc);
        NetworkLoadBalancer nlb = NetworkLoadBalancer.Builder.create(stack, "Nlb").vpc(vpc).build();
        NetworkListener tls = LoadBalancers.tlsListener(stack, vpc, nlb, 8443);
        NetworkListener tcp = nlb.addListener("Tcp", BaseNetworkListenerProps.builder().port(80)
                .defaultAction(NetworkListenerAction.forward(List.of(
                        NetworkTargetGroup.Builder.create(stack, "Web").vpc(vpc).port(80).build()))).build());
        VpcLink legacy = new VpcLink(stack, "Legacy", VpcLinkProps.builder().targets(List.of(nlb)).build());

        // And an API whose routes go to them through its own VPC link V2 (two routes to the ALB)
        // and, for one route, through the legacy link
        GatewayApi api = GatewayApi.Builder.create(stack, "Api")
                .defaultAuthorization(Authorization.iam())
                .stage(StageSettings.builder().stageName("prod").build())
                .build();
        api.route("ANY /internal/{proxy+}", Integrations.privateHttp(PrivateTarget.of(web)), RouteOptions.builder().build());
        api.route("GET /internal", Integrations.privateHttp(PrivateTarget.of(web)), RouteOptions.builder().build());
        api.route("GET /orders/{id}", Integrations.privateHttp(PrivateTarget.of(tls), PrivateHttpOptions.builder()
                .path("/v1/orders/{id}")
                .host("orders.internal.example.com")
                .insecureSkipVerification(true)
                .streamingMode(StreamingMode.STREAM)
                .timeout(Duration.minutes(5))
                .build()), RouteOptions.builder().build());
        api.route("GET /legacy", Integrations.privateHttp(PrivateTarget.of(tcp), PrivateHttpOptions.builder()
                .legacyVpcLink(legacy).build()), RouteOptions.builder().build());

        // And a second API through a link shared by name
        GatewayVpcLink shared = GatewayVpcLink.Builder.create(stack, "SharedLink").vpc(vpc).build();
        GatewayApi other = GatewayApi.Builder.create(stack, "Other").defaultAuthorization(Authorization.iam()).build();
        other.route("GET /status", Integrations.privateHttp(PrivateTarget.of(web), PrivateHttpOptions.builder()
                .vpcLink(shared).path("/status").build()), RouteOptions.builder().build());

        // When the stack is synthesized
        template = Fixtures.templateJson(stack);
        paths = body("Api").get("paths");
        sharedPaths = body("Other").get("paths");
        albId = logicalId("AWS::ElasticLoadBalancingV2::LoadBalancer", "Alb");
        linkId = logicalId("AWS::ApiGatewayV2::VpcLink", "ApiVpcLink");
        sharedLinkId = logicalId("AWS::ApiGatewayV2::VpcLink", "SharedLink");
    }

    private JsonNode body(String apiPrefix) {
        return template.get("Resources").get(logicalId("AWS::ApiGateway::RestApi", apiPrefix)).at("/Properties/Body");
    }

    private String logicalId(String type, String prefix) {
        List<String> ids = new ArrayList<>();
        template.get("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().get("Type").asText().equals(type) && e.getKey().startsWith(prefix)) {
                ids.add(e.getKey());
            }
        });
        assertEquals(1, ids.size(), type + " " + prefix + ": " + ids);
        return ids.get(0);
    }

    private JsonNode integration(JsonNode paths, String path, String method) {
        return paths.get(path).get(method).get("x-amazon-apigateway-integration");
    }

    @Test
    void routesToAnApplicationLoadBalancerThroughTheApisOwnVpcLinkV2() {
        JsonNode proxy = integration(paths, "/internal/{proxy+}", "x-amazon-apigateway-any-method");
        assertEquals("http_proxy", proxy.get("type").asText());
        assertEquals("ANY", proxy.get("httpMethod").asText());
        assertEquals("VPC_LINK", proxy.get("connectionType").asText());
        assertEquals("{\"Ref\":\"" + linkId + "\"}", proxy.get("connectionId").toString());
        // the load balancer's ARN (its Ref), as in AWS's put-integration --integration-target
        assertEquals("{\"Ref\":\"" + albId + "\"}", proxy.get("integrationTarget").toString());
        assertEquals("when_no_match", proxy.get("passthroughBehavior").asText());
        assertFalse(proxy.has("tlsConfig"));
        assertFalse(proxy.has("responseTransferMode"));
    }

    @Test
    void sendsTheRoutesOwnPathWithoutTheStageName() {
        // AWS: "In a private integration, API Gateway includes the stage portion of the API endpoint in
        // the request to your backend" unless the path is set; the URI names the whole path, filled
        // from the route's variables, so the backend sees /internal/..., never /prod/internal/...
        JsonNode proxy = integration(paths, "/internal/{proxy+}", "x-amazon-apigateway-any-method");
        assertEquals("http://${" + albId + ".DNSName}/internal/{proxy}", proxy.at("/uri/Fn::Sub").asText());
        assertEquals(Map.of("integration.request.path.proxy", "method.request.path.proxy"),
                Fixtures.JSON.convertValue(proxy.get("requestParameters"), Map.class));
        assertEquals("http://${" + albId + ".DNSName}/internal",
                integration(paths, "/internal", "get").at("/uri/Fn::Sub").asText());
        assertFalse(proxy.toString().contains("prod"), proxy.toString());
    }

    @Test
    void speaksHttpsToATlsListenerWithTheHostItsCertificateNames() {
        JsonNode orders = integration(paths, "/orders/{id}", "get");
        assertEquals("https://orders.internal.example.com:8443/v1/orders/{id}", orders.get("uri").asText());
        assertEquals("{\"Ref\":\"" + logicalId("AWS::ElasticLoadBalancingV2::LoadBalancer", "Nlb") + "\"}",
                orders.get("integrationTarget").toString());
        assertEquals("method.request.path.id", orders.at("/requestParameters/integration.request.path.id").asText());
        assertTrue(orders.at("/tlsConfig/insecureSkipVerification").asBoolean());
        assertEquals("STREAM", orders.get("responseTransferMode").asText());
        assertEquals(300_000, orders.get("timeoutInMillis").asInt());
    }

    @Test
    void goesThroughALegacyVpcLinkV1WithoutIntegrationTarget() {
        JsonNode legacy = integration(paths, "/legacy", "get");
        assertEquals("{\"Ref\":\"" + logicalId("AWS::ApiGateway::VpcLink", "Legacy") + "\"}",
                legacy.get("connectionId").toString());
        assertFalse(legacy.has("integrationTarget"));
        assertEquals("http://${" + logicalId("AWS::ElasticLoadBalancingV2::LoadBalancer", "Nlb") + ".DNSName}/legacy",
                legacy.at("/uri/Fn::Sub").asText());
    }

    @Test
    void createsOneVpcLinkPerApiAndSharesAGivenOne() {
        // one link for the API's three V2 routes, one shared link, none per route
        assertEquals(2, countResources(template, "AWS::ApiGatewayV2::VpcLink"));
        assertEquals("{\"Ref\":\"" + sharedLinkId + "\"}",
                integration(sharedPaths, "/status", "get").get("connectionId").toString());
        JsonNode link = template.get("Resources").get(linkId).get("Properties");
        assertEquals(2, link.get("SubnetIds").size());
        assertEquals(1, link.get("SecurityGroupIds").size());
    }

    @Test
    void letsTheLinkReachOnlyItsListenersOncePerListener() {
        String linkGroup = logicalId("AWS::EC2::SecurityGroup", "ApiVpcLinkSecurityGroup");
        String albGroup = logicalId("AWS::EC2::SecurityGroup", "AlbSecurityGroup");
        JsonNode group = template.get("Resources").get(linkGroup).get("Properties");
        assertFalse(group.has("SecurityGroupIngress"), group.toString());
        // the NLB has no security group: egress to the VPC on its listener port only
        assertEquals(1, group.get("SecurityGroupEgress").size(), group.toString());
        assertEquals(8443, group.at("/SecurityGroupEgress/0/FromPort").asInt());
        assertEquals("{\"Fn::GetAtt\":[\"" + logicalId("AWS::EC2::VPC", "Vpc") + "\",\"CidrBlock\"]}",
                group.at("/SecurityGroupEgress/0/CidrIp").toString());
        // the ALB admits each link once on port 80, whatever the number of routes
        List<JsonNode> ingress = rules("AWS::EC2::SecurityGroupIngress");
        assertEquals(2, ingress.size(), ingress.toString());
        for (JsonNode rule : ingress) {
            assertEquals(albGroup, rule.at("/GroupId/Fn::GetAtt/0").asText());
            assertEquals(80, rule.get("FromPort").asInt());
            assertEquals(80, rule.get("ToPort").asInt());
        }
        List<JsonNode> egress = rules("AWS::EC2::SecurityGroupEgress");
        assertEquals(2, egress.size(), egress.toString());
        egress.forEach(rule -> assertEquals(albGroup, rule.at("/DestinationSecurityGroupId/Fn::GetAtt/0").asText()));
    }

    @Test
    void passesTheDeployChecks() {
        Fixtures.assertPassesDeployChecks(template);
    }

    private List<JsonNode> rules(String type) {
        List<JsonNode> found = new ArrayList<>();
        template.get("Resources").forEach(r -> {
            if (r.get("Type").asText().equals(type)) {
                found.add(r.get("Properties"));
            }
        });
        return found;
    }
}
