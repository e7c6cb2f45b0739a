package dev.gatehouse.integrations;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseNetworkListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.Protocol;

/** Internal load balancers for private integration tests: cheap to synthesize, no targets. */
final class LoadBalancers {
    private LoadBalancers() {
    }

    /** A VPC of isolated subnets only (named "app"), in {@code azs} Availability Zones. */
    static Vpc isolatedVpc(Stack stack, int azs, SubnetConfiguration... more) {
        List<SubnetConfiguration> subnets = new ArrayList<>();
        subnets.add(SubnetConfiguration.builder().name("app").subnetType(SubnetType.PRIVATE_ISOLATED).build());
        subnets.addAll(List.of(more));
        return Vpc.Builder.create(stack, "Vpc").maxAzs(azs).natGateways(0).subnetConfiguration(subnets).build();
    }

    /** An internal ALB "Alb" with an HTTP listener "Web" on 80 that answers 404 itself. */
    static ApplicationListener httpListener(Stack stack, Vpc vpc) {
        return ApplicationLoadBalancer.Builder.create(stack, "Alb").vpc(vpc).build()
                .addListener("Web", BaseApplicationListenerProps.builder().port(80).open(false)
                        .defaultAction(ListenerAction.fixedResponse(404)).build());
    }

    /** A TLS listener "Tls" of {@code nlb} on {@code port}, forwarding to an empty target group. */
    static NetworkListener tlsListener(Stack stack, Vpc vpc, NetworkLoadBalancer nlb, int port) {
        return nlb.addListener("Tls", BaseNetworkListenerProps.builder().port(port).protocol(Protocol.TLS)
                .certificates(List.of(ListenerCertificate.fromArn(
                        "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555")))
                .defaultAction(NetworkListenerAction.forward(List.of(
                        NetworkTargetGroup.Builder.create(stack, "Group").vpc(vpc).port(port).build())))
                .build());
    }
}
