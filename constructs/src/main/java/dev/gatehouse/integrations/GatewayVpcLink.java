package dev.gatehouse.integrations;

import dev.gatehouse.api.GatewayApi;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awscdk.services.apigatewayv2.VpcLink;
import software.amazon.awscdk.services.ec2.Connections;
import software.amazon.awscdk.services.ec2.ConnectionsProps;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * A VPC link V2 ({@code AWS::ApiGatewayV2::VpcLink}): network interfaces of API Gateway in a VPC,
 * through which private integrations reach Application and Network Load Balancers. Create one to
 * share among APIs, or import one with {@link #fromVpcLinkId}; without either, a private
 * integration uses the link Gatehouse creates once per API and VPC.
 *
 * <p>Its security groups allow no inbound traffic; for each listener routed to, Gatehouse opens the
 * egress to it and the load balancer's ingress from the link (once per listener, whatever the
 * number of routes). An imported link's security groups are left alone unless given.
 */
public class GatewayVpcLink extends Construct implements IConnectable {
    /** The id of the aws-cdk-lib link inside: "Default" keeps its logical id the construct's own. */
    private static final String LINK_ID = "Default";

    private final String vpcLinkId;
    private final IVpc vpc;
    private final Connections connections;
    private final Set<String> allowed = new HashSet<>();

    public GatewayVpcLink(Construct scope, String id, GatewayVpcLinkProps props) {
        super(scope, id);
        this.vpc = Objects.requireNonNull(props.getVpc(), "vpc");
        List<ISecurityGroup> groups = props.getSecurityGroups() != null ? props.getSecurityGroups()
                : List.of(SecurityGroup.Builder.create(this, "SecurityGroup")
                        .vpc(vpc)
                        .description("API Gateway VPC link " + getNode().getPath() + ": egress to its load balancers only")
                        .allowAllOutbound(false)
                        .build());
        SubnetSelection subnets = props.getSubnets() != null ? props.getSubnets() : SubnetSelection.builder().build();
        VpcLink link = VpcLink.Builder.create(this, LINK_ID)
                .vpc(vpc)
                .vpcLinkName(props.getVpcLinkName())
                .subnets(subnets)
                .securityGroups(List.copyOf(groups))
                .build();
        this.vpcLinkId = link.getVpcLinkId();
        this.connections = new Connections(ConnectionsProps.builder().securityGroups(groups).build());
    }

    private GatewayVpcLink(Construct scope, String id, String vpcLinkId, List<ISecurityGroup> securityGroups) {
        super(scope, id);
        this.vpcLinkId = Objects.requireNonNull(vpcLinkId, "vpcLinkId");
        this.vpc = null;
        this.connections = new Connections(ConnectionsProps.builder().securityGroups(List.copyOf(securityGroups)).build());
    }

    /**
     * A VPC link V2 that exists already, by its id; load balancers must let its security groups in
     * (Gatehouse cannot tell which they are).
     */
    public static GatewayVpcLink fromVpcLinkId(Construct scope, String id, String vpcLinkId) {
        return new GatewayVpcLink(scope, id, vpcLinkId, List.of());
    }

    /**
     * A VPC link V2 that exists already, with its security groups: Gatehouse lets them reach each
     * listener routed to, as for a link it creates.
     */
    public static GatewayVpcLink fromVpcLinkId(Construct scope, String id, String vpcLinkId,
            List<ISecurityGroup> securityGroups) {
        return new GatewayVpcLink(scope, id, vpcLinkId, securityGroups);
    }

    /** The link of {@code api} in {@code vpc}: created on first use, one per API and VPC. */
    static GatewayVpcLink of(GatewayApi api, IVpc vpc) {
        int n = 0;
        for (IConstruct child : api.getNode().getChildren()) {
            if (child instanceof GatewayVpcLink link && link.vpc != null
                    && link.vpc.getNode().getPath().equals(vpc.getNode().getPath())) {
                return link;
            }
            if (child instanceof GatewayVpcLink) {
                n++;
            }
        }
        return new GatewayVpcLink(api, n == 0 ? "VpcLink" : "VpcLink" + (n + 1),
                GatewayVpcLinkProps.builder().vpc(vpc).build());
    }

    /** The link's id: the integrations' {@code connectionId}. */
    public String getVpcLinkId() {
        return vpcLinkId;
    }

    /** The link's VPC; null for an imported link. */
    public IVpc getVpc() {
        return vpc;
    }

    /** The link's security groups, e.g. to allow it into a load balancer by hand. */
    @Override
    public Connections getConnections() {
        return connections;
    }

    /**
     * Lets the link reach {@code target}'s listener: the load balancer's security groups admit the
     * link on the listener port (and the link's egress goes there); a Network Load Balancer without
     * security groups is reached through egress to its VPC's CIDR on that port. Once per listener.
     */
    void allowTo(PrivateTarget target) {
        if (connections.getSecurityGroups().isEmpty() || !allowed.add(target.getLoadBalancerArn() + ":" + target.getPort())) {
            return;
        }
        Port port = Port.tcp(target.getPort());
        String description = "API Gateway VPC link to " + target.getPath();
        if (target.hasSecurityGroups()) {
            target.loadBalancer().getConnections().allowFrom(this, port, description);
        } else if (target.getVpc() != null) {
            connections.allowTo(Peer.ipv4(target.getVpc().getVpcCidrBlock()), port, description);
        }
    }

    /** Builds a {@link GatewayVpcLink}: {@code GatewayVpcLink.Builder.create(this, "Link").vpc(vpc).build()}. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private final GatewayVpcLinkProps.Builder props = GatewayVpcLinkProps.builder();

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** @see GatewayVpcLinkProps#getVpc() */
        public Builder vpc(IVpc vpc) {
            props.vpc(vpc);
            return this;
        }

        /** @see GatewayVpcLinkProps#getSubnets() */
        public Builder subnets(SubnetSelection subnets) {
            props.subnets(subnets);
            return this;
        }

        /** @see GatewayVpcLinkProps#getSecurityGroups() */
        public Builder securityGroups(List<ISecurityGroup> securityGroups) {
            props.securityGroups(securityGroups);
            return this;
        }

        /** @see GatewayVpcLinkProps#getVpcLinkName() */
        public Builder vpcLinkName(String vpcLinkName) {
            props.vpcLinkName(vpcLinkName);
            return this;
        }

        public GatewayVpcLink build() {
            return new GatewayVpcLink(scope, id, props.build());
        }
    }
}
