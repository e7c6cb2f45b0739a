package dev.gatehouse.api;

import static dev.gatehouse.testing.Fixtures.onlyResource;
import static dev.gatehouse.testing.Fixtures.synthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.internal.ResourcePolicyDocument;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.integrations.RouteIntegration;
import dev.gatehouse.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

class ResourcePolicyTest {
    private static final RouteIntegration OK = Integrations.mock(MockResponse.json(200, "{}"));

    private static JsonNode policyOf(JsonNode template) {
        return onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Policy");
    }

    @Test
    void ipListsBecomeDenyStatementsBesideTheAllow() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api", GatewayApiProps.builder()
                .resourcePolicy(ResourcePolicy.builder()
                        .allowSourceIps(List.of("203.0.113.0/24", "2001:db8::/32"))
                        .denySourceIps(List.of("203.0.113.66/32"))
                        .statement(PolicyStatement.Builder.create().effect(Effect.DENY)
                                .principals(List.of(new AnyPrincipal())).actions(List.of("execute-api:Invoke"))
                                .resources(List.of("execute-api:/*/DELETE/*")).build())
                        .build())
                .build());
        api.route("GET /a", OK, RouteOptions.of(Authorization.none()));
        JsonNode statements = policyOf(Fixtures.templateJson(stack)).get("Statement");

        assertEquals(4, statements.size(), statements.toString());
        assertEquals("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\"}",
                statements.get(0).toString());
        assertEquals("[\"203.0.113.0/24\",\"2001:db8::/32\"]",
                statements.get(1).at("/Condition/NotIpAddress/aws:SourceIp").toString());
        assertEquals("Deny", statements.get(2).get("Effect").asText());
        assertEquals("[\"203.0.113.66/32\"]", statements.get(2).at("/Condition/IpAddress/aws:SourceIp").toString());
        assertEquals("execute-api:/*/DELETE/*", statements.get(3).get("Resource").asText());
    }

    @Test
    void iamRoutesAreLeftToIamPoliciesInsteadOfAllowingEveryone() {
        // Given a mixed API: an IAM route and a public route, with a resource policy
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api", GatewayApiProps.builder()
                .resourcePolicy(ResourcePolicy.builder().allowSourceIps(List.of("198.51.100.0/24")).build()).build());
        api.route("GET /admin", OK, RouteOptions.of(Authorization.iam()));
        api.route("GET /items/{id}", OK, RouteOptions.of(Authorization.none()));
        api.route("ANY /open", OK, RouteOptions.of(Authorization.none()));
        JsonNode statements = policyOf(Fixtures.templateJson(stack)).get("Statement");

        // Then the account (its IAM policies) may call everything, and '*' only the other routes
        assertTrue(statements.get(0).at("/Principal/AWS").toString().contains(":root"), statements.get(0).toString());
        assertEquals("execute-api:/*", statements.get(0).get("Resource").asText());
        assertEquals("\"*\"", statements.get(1).get("Principal").toString());
        // (ANY is spelled out per method where '*/open' could reach further than the route)
        assertEquals("[\"execute-api:/prod/GET/items/*\",\"execute-api:/prod/DELETE/open\",\"execute-api:/prod/GET/open\","
                + "\"execute-api:/prod/HEAD/open\",\"execute-api:/prod/OPTIONS/open\",\"execute-api:/prod/PATCH/open\","
                + "\"execute-api:/prod/POST/open\",\"execute-api:/prod/PUT/open\"]",
                statements.get(1).get("Resource").toString());
        assertFalse(statements.get(1).get("Resource").toString().contains("admin"));
    }

    @Test
    void gh431APublicPatternThatReachesAnIamRouteIsAnError() {
        // Given a public route whose pattern ('*' matches '/') also matches an IAM route's requests
        App app = new App();
        GatewayApi api = new GatewayApi(new Stack(app, "S"), "Api", GatewayApiProps.builder()
                .resourcePolicy(ResourcePolicy.builder().denySourceIps(List.of("198.51.100.7/32")).build()).build());
        api.route("GET /orders/{id}", OK, RouteOptions.of(Authorization.none()));
        api.route("GET /orders/{id}/invoice", OK, RouteOptions.of(Authorization.iam()));
        api.route("GET /admin/report", OK, RouteOptions.of(Authorization.iam()));
        String message = synthError(app);
        assertTrue(message.contains("[GH431] GatewayApi 'Api': its resource policy lets any principal call route "
                + "'GET /orders/{id}', and that route's pattern also matches requests of the IAM route "
                + "'GET /orders/{id}/invoice'"), message);
        assertFalse(message.contains("GET /admin/report'"), message);
    }

    @Test
    void aPublicCatchAllBesideIamRoutesIsAnError() {
        App app = new App();
        GatewayApi api = new GatewayApi(new Stack(app, "S"), "Api", GatewayApiProps.builder()
                .resourcePolicy(ResourcePolicy.builder().denySourceIps(List.of("198.51.100.7/32")).build()).build());
        api.route("ANY /{proxy+}", OK, RouteOptions.of(Authorization.none()));
        api.route("GET /admin/report", OK, RouteOptions.of(Authorization.iam()));
        String message = synthError(app);
        assertTrue(message.contains("route 'ANY /{proxy+}'") && message.contains("IAM route 'GET /admin/report'"), message);
    }

    @Test
    void privateApisMatchCallerAddressesWithVpcSourceIp() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        InterfaceVpcEndpoint endpoint = Fixtures.executeApiEndpoint(stack);
        GatewayApi api = new GatewayApi(stack, "Api", GatewayApiProps.builder()
                .endpointType(ApiEndpointType.PRIVATE)
                .resourcePolicy(ResourcePolicy.builder().vpcEndpoints(List.of(endpoint))
                        .allowSourceIps(List.of("10.0.0.0/16")).build())
                .build());
        api.route("GET /a", OK, RouteOptions.of(Authorization.none()));
        String policy = policyOf(Fixtures.templateJson(stack)).toString();
        assertTrue(policy.contains("\"NotIpAddress\":{\"aws:VpcSourceIp\":[\"10.0.0.0/16\"]}"), policy);
        assertFalse(policy.contains("aws:SourceIp\""), policy);
    }

    @Test
    void privateApisAreReachableOnlyThroughTheirVpcEndpoints() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        InterfaceVpcEndpoint endpoint = Fixtures.executeApiEndpoint(stack);
        GatewayApi api = new GatewayApi(stack, "Api", GatewayApiProps.builder()
                .endpointType(ApiEndpointType.PRIVATE)
                .resourcePolicy(ResourcePolicy.builder().vpcEndpoints(List.of(endpoint)).build())
                .build());
        api.route("GET /a", OK, RouteOptions.of(Authorization.none()));
        JsonNode template = Fixtures.templateJson(stack);
        JsonNode restApi = onlyResource(template, "AWS::ApiGateway::RestApi").get("Properties");
        String endpointId = onlyResource(template, "AWS::EC2::VPCEndpoint").get("id").asText();

        assertEquals("[\"PRIVATE\"]", restApi.at("/EndpointConfiguration/Types").toString());
        assertEquals(endpointId, restApi.at("/EndpointConfiguration/VpcEndpointIds/0/Ref").asText());
        JsonNode deny = restApi.at("/Policy/Statement/1");
        assertEquals("Deny", deny.get("Effect").asText());
        assertEquals(endpointId, deny.at("/Condition/StringNotEquals/aws:SourceVpce/0/Ref").asText());
    }

    @Test
    void passesTheDeployChecks() {
        // Given a PRIVATE API behind a VPC endpoint and a regional API with IP lists, an extra
        // statement and an IAM route, in one stack
        App app = new App();
        Stack stack = new Stack(app, "S");
        InterfaceVpcEndpoint endpoint = Fixtures.executeApiEndpoint(stack);
        new GatewayApi(stack, "Private", GatewayApiProps.builder().endpointType(ApiEndpointType.PRIVATE)
                .resourcePolicy(ResourcePolicy.builder().vpcEndpoints(List.of(endpoint)).build()).build())
                .route("GET /a", OK, RouteOptions.of(Authorization.none()));
        GatewayApi regional = new GatewayApi(stack, "Regional", GatewayApiProps.builder()
                .resourcePolicy(ResourcePolicy.builder().allowSourceIps(List.of("203.0.113.0/24"))
                        .denySourceIps(List.of("203.0.113.66/32"))
                        .statement(PolicyStatement.Builder.create().effect(Effect.DENY)
                                .principals(List.of(new AnyPrincipal())).actions(List.of("execute-api:Invoke"))
                                .resources(List.of("execute-api:/*/DELETE/*")).build())
                        .build()).build());
        regional.route("GET /admin", OK, RouteOptions.of(Authorization.iam()));
        regional.route("DELETE /items/{id}", OK, RouteOptions.of(Authorization.none()));

        // Then CloudFormation and API Gateway would accept the template
        Fixtures.assertPassesDeployChecks(Fixtures.templateJson(stack));
    }

    @Test
    void gh303PrivateWithoutEndpointsAndGh430BadRanges() {
        App app = new App();
        GatewayApi api = new GatewayApi(new Stack(app, "S"), "Api", GatewayApiProps.builder()
                .endpointType(ApiEndpointType.PRIVATE)
                .resourcePolicy(ResourcePolicy.builder().allowSourceIps(List.of("10.0.0.0/33", "office")).build())
                .build());
        api.route("GET /a", OK, RouteOptions.of(Authorization.none()));
        String message = synthError(app);
        assertTrue(message.contains("[GH303] GatewayApi 'Api': it is PRIVATE but names no VPC endpoint"), message);
        assertTrue(message.contains("[GH430] GatewayApi 'Api': its resource policy names '10.0.0.0/33'"), message);
        assertTrue(message.contains("[GH430] GatewayApi 'Api': its resource policy names 'office'"), message);
    }

    @Test
    void changingThePolicyRedeploys() {
        assertNotEquals(deploymentWith("203.0.113.0/24"), deploymentWith("198.51.100.0/24"));
        assertEquals(deploymentWith("203.0.113.0/24"), deploymentWith("203.0.113.0/24"));
    }

    private static String deploymentWith(String cidr) {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api", GatewayApiProps.builder()
                .resourcePolicy(ResourcePolicy.builder().allowSourceIps(List.of(cidr)).build()).build());
        api.route("GET /a", OK, RouteOptions.of(Authorization.none()));
        return onlyResource(Fixtures.templateJson(stack), "AWS::ApiGateway::Deployment").get("id").asText();
    }

    @Test
    void cidrRecognition() {
        for (String ok : List.of("10.0.0.0/8", "192.168.1.1", "0.0.0.0/0", "2001:db8::/32", "::1", "fe80::1/128")) {
            assertTrue(ResourcePolicyDocument.isCidr(ok), ok);
        }
        for (String bad : List.of("10.0.0.0/33", "256.1.1.1", "office", "10.0.0/24", "2001:db8::/129", "1.2.3.4/")) {
            assertFalse(ResourcePolicyDocument.isCidr(bad), bad);
        }
    }
}
