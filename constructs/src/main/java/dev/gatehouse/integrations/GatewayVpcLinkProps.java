package dev.gatehouse.integrations;

import java.util.List;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;

/** Properties of a {@link GatewayVpcLink}. */
public interface GatewayVpcLinkProps {

    /** The VPC the link's network interfaces are placed in. Required. */
    IVpc getVpc();

    /**
     * The subnets of the link's network interfaces (API Gateway supports VPC links V2 in listed
     * Availability Zones of each Region).
     *
     * @default the VPC's private subnets (with egress, else isolated), as {@code vpc.selectSubnets()} picks
     */
    default SubnetSelection getSubnets() {
        return null;
    }

    /**
     * The link's security groups. Gatehouse adds to them the egress to each load balancer listener
     * routed to, and the load balancer's ingress from them.
     *
     * @default one new security group without ingress and with egress only to the listeners routed to
     */
    default List<ISecurityGroup> getSecurityGroups() {
        return null;
    }

    /**
     * The link's name.
     *
     * @default a name made from the construct path
     */
    default String getVpcLinkName() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link GatewayVpcLinkProps}. */
    final class Builder {
        private IVpc vpc;
        private SubnetSelection subnets;
        private List<ISecurityGroup> securityGroups;
        private String vpcLinkName;

        private Builder() {
        }

        public Builder vpc(IVpc vpc) {
            this.vpc = vpc;
            return this;
        }

        public Builder subnets(SubnetSelection subnets) {
            this.subnets = subnets;
            return this;
        }

        public Builder securityGroups(List<ISecurityGroup> securityGroups) {
            this.securityGroups = securityGroups == null ? null : List.copyOf(securityGroups);
            return this;
        }

        public Builder vpcLinkName(String vpcLinkName) {
            this.vpcLinkName = vpcLinkName;
            return this;
        }

        public GatewayVpcLinkProps build() {
            IVpc v = vpc;
            SubnetSelection s = subnets;
            List<ISecurityGroup> g = securityGroups;
            String n = vpcLinkName;
            return new GatewayVpcLinkProps() {
                @Override
                public IVpc getVpc() {
                    return v;
                }

                @Override
                public SubnetSelection getSubnets() {
                    return s;
                }

                @Override
                public List<ISecurityGroup> getSecurityGroups() {
                    return g;
                }

                @Override
                public String getVpcLinkName() {
                    return n;
                }
            };
        }
    }
}
