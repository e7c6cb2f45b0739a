package dev.gatehouse.api;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.ec2.IVpcEndpoint;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Who may reach the API at all, before authorization: source IP allow and deny lists, and (for
 * PRIVATE APIs) the VPC endpoints it may be called through. Rendered as the RestApi's resource
 * policy.
 *
 * <pre>{@code
 * ResourcePolicy.builder()
 *         .allowSourceIps(List.of("203.0.113.0/24"))
 *         .denySourceIps(List.of("203.0.113.66/32"))
 *         .build();
 * }</pre>
 */
public final class ResourcePolicy {
    private final List<String> allowSourceIps;
    private final List<String> denySourceIps;
    private final List<IVpcEndpoint> vpcEndpoints;
    private final List<PolicyStatement> statements;

    private ResourcePolicy(Builder b) {
        this.allowSourceIps = List.copyOf(b.allowSourceIps);
        this.denySourceIps = List.copyOf(b.denySourceIps);
        this.vpcEndpoints = List.copyOf(b.vpcEndpoints);
        this.statements = List.copyOf(b.statements);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Only these source IP ranges (CIDR) may call the API; empty means any. */
    public List<String> getAllowSourceIps() {
        return allowSourceIps;
    }

    /** These source IP ranges (CIDR) may never call the API. */
    public List<String> getDenySourceIps() {
        return denySourceIps;
    }

    /** Only requests through these interface VPC endpoints reach the API; empty means any. */
    public List<IVpcEndpoint> getVpcEndpoints() {
        return vpcEndpoints;
    }

    /** Further statements, appended as given. */
    public List<PolicyStatement> getStatements() {
        return statements;
    }

    /** Builds a {@link ResourcePolicy}. */
    public static final class Builder {
        private final List<String> allowSourceIps = new ArrayList<>();
        private final List<String> denySourceIps = new ArrayList<>();
        private final List<IVpcEndpoint> vpcEndpoints = new ArrayList<>();
        private final List<PolicyStatement> statements = new ArrayList<>();

        private Builder() {
        }

        /** Source IP ranges (CIDR, IPv4 or IPv6) allowed to call the API; others are denied. */
        public Builder allowSourceIps(List<String> cidrs) {
            allowSourceIps.addAll(cidrs);
            return this;
        }

        /** Source IP ranges (CIDR) denied, even inside an allowed range. */
        public Builder denySourceIps(List<String> cidrs) {
            denySourceIps.addAll(cidrs);
            return this;
        }

        /**
         * Interface VPC endpoints (execute-api) the API may be called through; requests from
         * anywhere else are denied. Required for PRIVATE APIs.
         */
        public Builder vpcEndpoints(List<IVpcEndpoint> endpoints) {
            vpcEndpoints.addAll(endpoints);
            return this;
        }

        /** An additional statement for {@code execute-api:Invoke} conditions Gatehouse does not model. */
        public Builder statement(PolicyStatement statement) {
            statements.add(statement);
            return this;
        }

        public ResourcePolicy build() {
            return new ResourcePolicy(this);
        }
    }
}
