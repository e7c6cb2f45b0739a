package dev.gatehouse.api;

import static dev.gatehouse.testing.Fixtures.countResources;
import static dev.gatehouse.testing.Fixtures.onlyResource;
import static dev.gatehouse.testing.Fixtures.synthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.integrations.RouteIntegration;
import dev.gatehouse.testing.Fixtures;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;

class DomainAndWafTest {
    private static final RouteIntegration OK = Integrations.mock(MockResponse.json(200, "{}"));
    private static final String CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";

    private static JsonNode template(GatewayApiProps props, Consumer<GatewayApi> more) {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api", props);
        api.route("GET /a", OK, RouteOptions.of(Authorization.none()));
        more.accept(api);
        return Fixtures.templateJson(stack);
    }

    private static ICertificate certificate(GatewayApi api) {
        return Certificate.fromCertificateArn(api, "Cert", CERT);
    }

    @Test
    void mutualTlsDomainIsRegionalTls12AndClosesTheExecuteApiEndpoint() {
        JsonNode template = template(null, api -> api.addDomain("Domain", DomainOptions.builder()
                .domainName("api.example.com").certificate(certificate(api))
                .truststoreUri("s3://trust-bucket/clients/ca.pem").truststoreVersion("v3")
                .basePath("orders").build()));

        JsonNode domain = onlyResource(template, "AWS::ApiGateway::DomainName").get("Properties");
        assertEquals("api.example.com", domain.get("DomainName").asText());
        assertEquals(CERT, domain.get("RegionalCertificateArn").asText());
        assertEquals("[\"REGIONAL\"]", domain.at("/EndpointConfiguration/Types").toString());
        assertEquals("TLS_1_2", domain.get("SecurityPolicy").asText());
        assertEquals("s3://trust-bucket/clients/ca.pem", domain.at("/MutualTlsAuthentication/TruststoreUri").asText());
        assertEquals("v3", domain.at("/MutualTlsAuthentication/TruststoreVersion").asText());

        JsonNode mapping = onlyResource(template, "AWS::ApiGateway::BasePathMapping");
        assertEquals("orders", mapping.at("/Properties/BasePath").asText());
        assertEquals("prod", mapping.at("/Properties/Stage").asText());
        assertTrue(mapping.get("DependsOn").toString().contains("ApiStage"), mapping.toString());
        assertTrue(onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/DisableExecuteApiEndpoint").asBoolean());
    }

    @Test
    void passesTheDeployChecks() {
        // a mutual TLS domain, a client certificate and a managed web ACL in one template
        Fixtures.assertPassesDeployChecks(template(GatewayApiProps.builder()
                .stage(StageSettings.builder().clientCertificate(true).build())
                .webAcl(WebAcl.managedDefaults()).build(), api -> api.addDomain("Domain", DomainOptions.builder()
                        .domainName("api.example.com").certificate(certificate(api))
                        .truststoreUri("s3://trust-bucket/clients/ca.pem").basePath("orders").build())));
    }

    @Test
    void multiLevelBasePathsAreApiMappings() {
        JsonNode template = template(null, api -> api.addDomain("Domain", DomainOptions.builder()
                .domainName("api.example.com").certificate(certificate(api)).basePath("v1/orders").build()));
        assertEquals(0, countResources(template, "AWS::ApiGateway::BasePathMapping"));
        JsonNode mapping = onlyResource(template, "AWS::ApiGatewayV2::ApiMapping");
        assertEquals("v1/orders", mapping.at("/Properties/ApiMappingKey").asText());
        assertEquals("prod", mapping.at("/Properties/Stage").asText());
        assertTrue(mapping.get("DependsOn").toString().contains("ApiStage"), mapping.toString());
        Fixtures.assertPassesDeployChecks(template);

        // changing the base path between one segment and several replaces the mapping: the logical
        // ids differ, since CloudFormation cannot change a resource's type in place
        JsonNode single = template(null, api -> api.addDomain("Domain", DomainOptions.builder()
                .domainName("api.example.com").certificate(certificate(api)).basePath("v1").build()));
        assertNotEquals(onlyResource(single, "AWS::ApiGateway::BasePathMapping").get("id").asText(), mapping.get("id").asText());
    }

    @Test
    void gh440PrivateApisCannotUseAPublicCustomDomain() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        InterfaceVpcEndpoint endpoint = Fixtures.executeApiEndpoint(stack);
        GatewayApi api = new GatewayApi(stack, "Api", GatewayApiProps.builder().endpointType(ApiEndpointType.PRIVATE)
                .resourcePolicy(ResourcePolicy.builder().vpcEndpoints(List.of(endpoint)).build()).build());
        api.route("GET /a", OK, RouteOptions.of(Authorization.none()));
        api.addDomain("Domain", DomainOptions.builder().domainName("api.example.com").certificate(certificate(api)).build());
        String message = synthError(app);
        assertTrue(message.contains("[GH440] domain 'api.example.com': the API is PRIVATE, and a public custom domain "
                + "cannot map to a private API"), message);
        assertTrue(message.contains("give the domain to a REGIONAL API"), message);
    }

    @Test
    void closingTheExecuteApiEndpointRedeploys() {
        String open = onlyResource(template(null, api -> { }), "AWS::ApiGateway::Deployment").get("id").asText();
        String closed = onlyResource(template(GatewayApiProps.builder().disableExecuteApiEndpoint(true).build(), api -> { }),
                "AWS::ApiGateway::Deployment").get("id").asText();
        assertNotEquals(open, closed);
    }

    @Test
    void gh440AndGh441DomainRules() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api", GatewayApiProps.builder().endpointType(ApiEndpointType.EDGE).build());
        api.route("GET /a", OK, RouteOptions.of(Authorization.none()));
        api.addDomain("Domain", DomainOptions.builder().domainName("api.example.com").certificate(certificate(api))
                .truststoreUri("https://example.com/ca.pem").basePath("/v1/").disableExecuteApiEndpoint(false).build());
        String message = synthError(app);
        assertTrue(message.contains("[GH440] domain 'api.example.com': mutual TLS needs a REGIONAL API, this one is EDGE."), message);
        assertTrue(message.contains("[GH440] domain 'api.example.com': the truststore URI 'https://example.com/ca.pem' is not an S3 object URI."), message);
        assertTrue(message.contains("[GH440] domain 'api.example.com': the base path '/v1/' is not a path."), message);
    }

    @Test
    void gh441WarnsWhenMutualTlsCanBeBypassed() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /a", OK, RouteOptions.of(Authorization.none()));
        api.addDomain("Domain", DomainOptions.builder().domainName("api.example.com").certificate(certificate(api))
                .truststoreUri("s3://trust-bucket/ca.pem").disableExecuteApiEndpoint(false).build());
        app.synth();
        Annotations.fromStack(stack).hasWarning("/S/Api", Match.stringLikeRegexp(
                ".*\\[GH441\\] domain 'api.example.com': the API's execute-api endpoint stays on.*"));
    }

    @Test
    void clientCertificateIsGivenToTheStage() {
        JsonNode template = template(GatewayApiProps.builder()
                .stage(StageSettings.builder().clientCertificate(true).build()).build(), api -> { });
        String certificate = onlyResource(template, "AWS::ApiGateway::ClientCertificate").get("id").asText();
        assertEquals(certificate, onlyResource(template, "AWS::ApiGateway::Stage").at("/Properties/ClientCertificateId/Ref").asText());
    }

    @Test
    void managedWebAclProtectsTheStage() {
        JsonNode template = template(GatewayApiProps.builder().webAcl(WebAcl.managedDefaults(1000)).build(), api -> { });
        JsonNode acl = onlyResource(template, "AWS::WAFv2::WebACL").get("Properties");
        assertEquals("REGIONAL", acl.get("Scope").asText());
        assertEquals("{\"Allow\":{}}", acl.get("DefaultAction").toString());
        JsonNode rules = acl.get("Rules");
        assertEquals(4, rules.size());
        assertEquals(1000, rules.at("/0/Statement/RateBasedStatement/Limit").asInt());
        assertEquals("IP", rules.at("/0/Statement/RateBasedStatement/AggregateKeyType").asText());
        assertEquals("{\"Block\":{}}", rules.at("/0/Action").toString());
        assertEquals("AWSManagedRulesCommonRuleSet", rules.at("/2/Statement/ManagedRuleGroupStatement/Name").asText());
        assertEquals("{\"None\":{}}", rules.at("/2/OverrideAction").toString());

        JsonNode association = onlyResource(template, "AWS::WAFv2::WebACLAssociation");
        String resourceArn = association.at("/Properties/ResourceArn").toString();
        assertTrue(resourceArn.contains("::/restapis/") && resourceArn.contains("/stages/prod"), resourceArn);
        assertTrue(association.get("DependsOn").toString().contains("ApiStage"));
    }

    @Test
    void existingWebAclIsAssociatedAndCheckedGh450() {
        String arn = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/shared/abcd";
        JsonNode template = template(GatewayApiProps.builder().webAcl(WebAcl.fromArn(arn)).build(), api -> { });
        assertEquals(0, countResources(template, "AWS::WAFv2::WebACL"));
        assertEquals(arn, onlyResource(template, "AWS::WAFv2::WebACLAssociation").at("/Properties/WebACLArn").asText());

        App app = new App();
        GatewayApi api = new GatewayApi(new Stack(app, "S"), "Api", GatewayApiProps.builder()
                .webAcl(WebAcl.fromArn("arn:aws:wafv2:us-east-1:123456789012:global/webacl/cf/abcd")).build());
        api.route("GET /a", OK, RouteOptions.of(Authorization.none()));
        String message = synthError(app);
        assertTrue(message.contains("[GH450] GatewayApi 'Api' web ACL: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/cf/abcd' is not the ARN of a REGIONAL WAFv2 web ACL."), message);
        assertFalse(message.contains("GH440"), message);
    }
}
