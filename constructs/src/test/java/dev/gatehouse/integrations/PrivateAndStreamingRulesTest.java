package dev.gatehouse.integrations;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.apigateway.VpcLink;
import software.amazon.awscdk.services.apigateway.VpcLinkProps;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancerAttributes;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.s3.Bucket;

/**
 * One test per rule of private integrations and response streaming (GH260 to GH267): the message
 * names the route, the problem and the fix. The routes breaking the error rules share one API,
 * synthesized once; each test asserts its rule's part of the one validation error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateAndStreamingRulesTest {
    private static final RouteOptions IAM = RouteOptions.of(Authorization.iam());
    private String message;

    /** An integration written outside Gatehouse, rendered as given. */
    private static final class Rendered extends RouteIntegration {
        private final ObjectNode integration;

        Rendered(String json) throws JsonProcessingException {
            this.integration = (ObjectNode) Fixtures.JSON.readTree(json.replace('\'', '"'));
        }

        @Override
        public RouteIntegrationConfig bind(IntegrationContext context) {
            return new RouteIntegrationConfig(integration, RouteIntegrationConfig.responses("200", "OK"));
        }
    }

    @BeforeAll
    void synthesize() throws JsonProcessingException {
        App app = new App();
        Stack stack = new Stack(app, "S");
        Vpc vpc = LoadBalancers.isolatedVpc(stack, 1);
        ApplicationListener web = LoadBalancers.httpListener(stack, vpc);
        NetworkLoadBalancer nlb = NetworkLoadBalancer.Builder.create(stack, "Nlb").vpc(vpc).build();
        NetworkListener tls = LoadBalancers.tlsListener(stack, vpc, nlb, 443);
        VpcLink legacy = new VpcLink(stack, "Legacy", VpcLinkProps.builder().targets(List.of(nlb)).build());
        PrivateTarget imported = PrivateTarget.networkLoadBalancer(NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(
                stack, "Imported", NetworkLoadBalancerAttributes.builder()
                        .loadBalancerArn("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/other/0123456789abcdef")
                        .loadBalancerDnsName("other-0123456789abcdef.elb.us-east-1.amazonaws.com")
                        .build()), 80, false);
        Function fn = Fixtures.function(stack, "Fn");

        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /v1", Integrations.privateHttp(PrivateTarget.of(web),
                PrivateHttpOptions.builder().legacyVpcLink(legacy).build()), IAM);
        api.route("GET /tls", Integrations.privateHttp(PrivateTarget.of(tls)), IAM);
        api.route("GET /plain", Integrations.privateHttp(PrivateTarget.of(web),
                PrivateHttpOptions.builder().insecureSkipVerification(true).build()), IAM);
        api.route("GET /imported", Integrations.privateHttp(imported), IAM);
        api.route("GET /bad", Integrations.privateHttp(PrivateTarget.of(web),
                PrivateHttpOptions.builder().path("orders?all=1").host("https://orders.example.com").build()), IAM);
        api.route("GET /mock-stream", new Rendered("{'type': 'mock', 'responseTransferMode': 'STREAM', "
                + "'requestTemplates': {'application/json': '{}'}}"), IAM);
        api.route("GET /lambda-stream", new Rendered("{'type': 'aws_proxy', 'httpMethod': 'POST', 'responseTransferMode': "
                + "'STREAM', 'uri': 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                + "arn:aws:lambda:us-east-1:123456789012:function:f/invocations'}"), IAM);
        api.route("GET /lambda-buffered", new Rendered("{'type': 'aws_proxy', 'httpMethod': 'POST', 'uri': "
                + "'arn:aws:apigateway:us-east-1:lambda:path/2021-11-15/functions/"
                + "arn:aws:lambda:us-east-1:123456789012:function:f/response-streaming-invocations'}"), IAM);
        api.route("GET /long", Integrations.lambda(fn, LambdaRouteIntegrationOptions.builder()
                .streamingMode(StreamingMode.STREAM).timeout(Duration.minutes(16)).build()), IAM);
        api.route("GET /custom-long", new Rendered("{'type': 'http_proxy', 'httpMethod': 'GET', 'uri': "
                + "'https://example.com/a', 'responseTransferMode': 'STREAM', 'timeoutInMillis': 1000000}"), IAM);
        message = Fixtures.synthError(app);
    }

    private void assertMentions(String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected «" + part + "» in:\n" + message);
        }
    }

    @Test
    void gh260AVpcLinkV1CannotReachAnApplicationLoadBalancer() {
        assertMentions("[GH260] route 'GET /v1': its VPC link V1 cannot reach the Application Load Balancer of 'S/Alb/Web'. "
                + "Fix: leave legacyVpcLink unset (a VPC link V2 is used), or pass a GatewayVpcLink as vpcLink.");
    }

    @Test
    void gh261HttpsNeedsTheCertificatesHostAndSkippingVerificationNeedsHttps() {
        assertMentions("[GH261] route 'GET /tls': API Gateway would verify the certificate of 'S/Nlb/Tls' against the load "
                        + "balancer's own DNS name",
                "Fix: set PrivateHttpOptions host(...) to a name the listener's certificate covers",
                "[GH261] route 'GET /plain': insecureSkipVerification is set, but 'S/Alb/Web' is reached over plain HTTP. "
                        + "Fix: remove insecureSkipVerification, or route to an HTTPS (ALB) or TLS (NLB) listener.");
    }

    @Test
    void gh262AnImportedLoadBalancerWithoutVpcNeedsALink() {
        assertMentions("[GH262] route 'GET /imported': the load balancer of 'S/Imported' has no known VPC to create a VPC "
                + "link in. Fix: create one (GatewayVpcLink.Builder.create(this, \"Link\").vpc(vpc).build())");
    }

    @Test
    void gh263PathsAndHostsAreWellFormed() {
        assertMentions("[GH263] route 'GET /bad': the backend path 'orders?all=1' does not start with '/' or has a query "
                        + "string, fragment or whitespace. Fix: give a path from the root without query string",
                "[GH263] route 'GET /bad': the host 'https://orders.example.com' is not a DNS name. Fix: give the host "
                        + "name alone");
    }

    @Test
    void gh264OnlyProxyIntegrationsStream() {
        assertMentions("[GH264] route 'GET /mock-stream': its response streams (responseTransferMode STREAM), but its "
                + "integration is of type 'mock', whose response API Gateway buffers. Fix: stream from a Lambda proxy, "
                + "HTTP proxy or private HTTP proxy integration, or leave the response buffered.");
    }

    @Test
    void gh265TheLambdaUriMatchesTheStreamingMode() {
        assertMentions("[GH265] route 'GET /lambda-stream': its response streams, but its Lambda URI is the buffered "
                        + "'.../invocations' one. Fix: invoke .../2021-11-15/functions/{function ARN}"
                        + "/response-streaming-invocations",
                "[GH265] route 'GET /lambda-buffered': its Lambda URI is the streaming '.../response-streaming-invocations' "
                        + "one, but its response is buffered. Fix: set responseTransferMode to STREAM");
    }

    @Test
    void gh266AStreamedResponseLastsAtMostFifteenMinutes() {
        assertMentions("[GH266] route 'GET /long': the integration timeout is 960000 ms on a streamed route. Fix: choose a "
                        + "timeout from 50 ms to 900000 ms, e.g. Duration.minutes(5).",
                "[GH266] route 'GET /custom-long': the integration timeout is 1000000 ms on a streamed route. Fix: choose "
                        + "a timeout from 50 ms to 900000 ms.");
    }

    @Test
    void gh267WarnsWhenAStreamedFunctionRunsWithoutResponseStreaming() {
        // Given a Java function behind a streamed route
        App app = new App();
        Stack stack = new Stack(app, "J");
        Function java = Function.Builder.create(stack, "Java").runtime(Runtime.JAVA_21).handler("example.Handler")
                .code(Code.fromBucket(Bucket.fromBucketName(stack, "Code", "code-bucket"), "handler.jar")).build();
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("POST /chat", Integrations.lambda(java, LambdaRouteIntegrationOptions.builder()
                .streamingMode(StreamingMode.STREAM).build()), IAM);

        // When synthesized, Then the route is flagged, not refused
        app.synth();
        Annotations.fromStack(stack).hasWarning("/J/Api", Match.stringLikeRegexp(".*\\[GH267\\] route 'POST /chat': it "
                + "streams, but its function 'J/Java' runs on java21, where Lambda offers no response streaming.*"));
    }
}
