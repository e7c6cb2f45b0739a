package dev.gatehouse.integrations;

import static dev.gatehouse.testing.Fixtures.countResources;
import static dev.gatehouse.testing.Fixtures.onlyResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancerAttributes;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;

/**
 * VPC links made by the user (subnets, security groups, name) and imported ones (with and without
 * their security groups), in front of an imported Application Load Balancer; synthesized once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayVpcLinkTest {
    private JsonNode template;
    private JsonNode paths;
    private GatewayVpcLink imported;

    @BeforeAll
    void synthesize() {
        // Given an imported ALB (its security group known) and three links: imported bare, imported
        // with its security group, and created with the user's security group, subnets and name
        App app = new App();
        Stack stack = new Stack(app, "Links");
        Vpc vpc = LoadBalancers.isolatedVpc(stack, 2,
                SubnetConfiguration.builder().name("edge").subnetType(SubnetType.PUBLIC).build());
        IApplicationLoadBalancer alb = ApplicationLoadBalancer.fromApplicationLoadBalancerAttributes(stack, "Alb",
                ApplicationLoadBalancerAttributes.builder()
                        .loadBalancerArn("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shared/0123456789abcdef")
                        .loadBalancerDnsName("internal-shared-1.us-east-1.elb.amazonaws.com")
                        .securityGroupId("sg-0a1b2c3d4e5f60718")
                        .vpc(vpc)
                        .build());
        PrivateTarget target = PrivateTarget.applicationLoadBalancer(alb, 8080, false);
        imported = GatewayVpcLink.fromVpcLinkId(stack, "Imported", "abc123");
        GatewayVpcLink importedWithGroup = GatewayVpcLink.fromVpcLinkId(stack, "ImportedWithGroup", "def456",
                List.of(SecurityGroup.fromSecurityGroupId(stack, "LinkGroup", "sg-0fedcba9876543210")));
        GatewayVpcLink created = GatewayVpcLink.Builder.create(stack, "Created")
                .vpc(vpc)
                .vpcLinkName("internal")
                .subnets(SubnetSelection.builder().subnetGroupName("app").build())
                .securityGroups(List.of(SecurityGroup.Builder.create(stack, "Own").vpc(vpc).allowAllOutbound(false).build()))
                .build();

        GatewayApi api = GatewayApi.Builder.create(stack, "Api").defaultAuthorization(Authorization.iam()).build();
        api.route("GET /a", Integrations.privateHttp(target, PrivateHttpOptions.builder().vpcLink(imported).build()),
                RouteOptions.builder().build());
        api.route("GET /b", Integrations.privateHttp(target, PrivateHttpOptions.builder().vpcLink(importedWithGroup).build()),
                RouteOptions.builder().build());
        api.route("GET /c", Integrations.privateHttp(target, PrivateHttpOptions.builder().vpcLink(created).build()),
                RouteOptions.builder().build());

        // When it is synthesized
        template = Fixtures.templateJson(stack);
        paths = onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Body/paths");
    }

    @Test
    void anImportedLinkIsUsedByIdAndCreatesNothing() {
        JsonNode a = paths.at("/~1a/get/x-amazon-apigateway-integration");
        assertEquals("abc123", a.get("connectionId").asText());
        assertEquals("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shared/0123456789abcdef",
                a.get("integrationTarget").asText());
        assertEquals("http://internal-shared-1.us-east-1.elb.amazonaws.com:8080/a", a.get("uri").asText());
        assertNull(imported.getVpc());
        assertEquals(1, countResources(template, "AWS::ApiGatewayV2::VpcLink"));
    }

    @Test
    void theLoadBalancerAdmitsEveryLinkWhoseSecurityGroupsAreKnown() {
        // the imported link with a group and the created one: two ingress rules on 8080, none for the bare import
        List<String> sources = new ArrayList<>();
        template.get("Resources").forEach(r -> {
            if (r.get("Type").asText().equals("AWS::EC2::SecurityGroupIngress")) {
                assertEquals("sg-0a1b2c3d4e5f60718", r.at("/Properties/GroupId").asText());
                assertEquals(8080, r.at("/Properties/FromPort").asInt());
                sources.add(r.at("/Properties/SourceSecurityGroupId").toString());
            }
        });
        assertEquals(2, sources.size(), sources.toString());
        assertEquals("\"sg-0fedcba9876543210\"", sources.get(0));
    }

    @Test
    void aCreatedLinkTakesTheGivenNameSubnetsAndSecurityGroups() {
        JsonNode link = onlyResource(template, "AWS::ApiGatewayV2::VpcLink").get("Properties");
        assertEquals("internal", link.get("Name").asText());
        assertEquals(2, link.get("SubnetIds").size());
        link.get("SubnetIds").forEach(s -> assertTrue(s.get("Ref").asText().startsWith("VpcappSubnet"), s.toString()));
        assertEquals(1, link.get("SecurityGroupIds").size());
        assertTrue(link.at("/SecurityGroupIds/0/Fn::GetAtt/0").asText().startsWith("Own"), link.toString());
    }

    @Test
    void passesTheDeployChecks() {
        Fixtures.assertPassesDeployChecks(template);
    }
}
