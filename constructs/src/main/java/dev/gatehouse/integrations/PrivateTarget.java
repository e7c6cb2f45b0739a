package dev.gatehouse.integrations;

import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.CfnListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.INetworkLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkListener;

/**
 * A load balancer listener in a VPC that a private integration sends requests to: an Application
 * or Network Load Balancer, the port API Gateway connects to, and whether it speaks TLS there.
 * Made from a listener of the app ({@link #of(ApplicationListener)}, {@link #of(NetworkListener)}),
 * or from an imported load balancer and the port of its listener.
 */
public final class PrivateTarget {
    private final boolean application;
    private final String loadBalancerArn;
    private final String dnsName;
    private final int port;
    private final boolean tls;
    private final IConnectable loadBalancer;
    private final boolean securityGroups;
    private final IVpc vpc;
    private final String path;

    private PrivateTarget(boolean application, String loadBalancerArn, String dnsName, int port, boolean tls,
            IConnectable loadBalancer, boolean securityGroups, IVpc vpc, String path) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the listener port of '" + path + "' is " + port + "; expected 1 to 65535");
        }
        this.application = application;
        this.loadBalancerArn = Objects.requireNonNull(loadBalancerArn, "loadBalancerArn");
        this.dnsName = Objects.requireNonNull(dnsName, "dnsName");
        this.port = port;
        this.tls = tls;
        this.loadBalancer = loadBalancer;
        this.securityGroups = securityGroups;
        this.vpc = vpc;
        this.path = path;
    }

    /** An Application Load Balancer listener of this app; HTTPS when the listener is. */
    public static PrivateTarget of(ApplicationListener listener) {
        IApplicationLoadBalancer lb = listener.getLoadBalancer();
        return new PrivateTarget(true, lb.getLoadBalancerArn(), lb.getLoadBalancerDnsName(),
                listener.getPort().intValue(), listener.getProtocol() == ApplicationProtocol.HTTPS, lb,
                !lb.getConnections().getSecurityGroups().isEmpty(), lb.getVpc(), listener.getNode().getPath());
    }

    /**
     * A Network Load Balancer listener of this app: TCP (API Gateway speaks HTTP to it) or TLS
     * (HTTPS). UDP listeners cannot carry HTTP.
     */
    public static PrivateTarget of(NetworkListener listener) {
        CfnListener cfn = (CfnListener) listener.getNode().getDefaultChild();
        String protocol = Objects.requireNonNull(cfn, "listener resource").getProtocol();
        if (!List.of("TCP", "TLS").contains(protocol)) {
            throw new IllegalArgumentException("the listener '" + listener.getNode().getPath() + "' is " + protocol
                    + "; API Gateway reaches a Network Load Balancer over TCP or TLS.");
        }
        return networkTarget(listener.getLoadBalancer(), cfn.getPort().intValue(), protocol.equals("TLS"),
                listener.getNode().getPath());
    }

    /**
     * An Application Load Balancer imported into the app (e.g. with
     * {@code ApplicationLoadBalancer.fromApplicationLoadBalancerAttributes}) and the listener port.
     * Give the load balancer its security group, so the VPC link may be allowed in.
     *
     * @param https whether the listener is HTTPS
     */
    public static PrivateTarget applicationLoadBalancer(IApplicationLoadBalancer loadBalancer, int port, boolean https) {
        return new PrivateTarget(true, loadBalancer.getLoadBalancerArn(), loadBalancer.getLoadBalancerDnsName(), port,
                https, loadBalancer, !loadBalancer.getConnections().getSecurityGroups().isEmpty(), loadBalancer.getVpc(),
                loadBalancer.getNode().getPath());
    }

    /**
     * A Network Load Balancer imported into the app and the port of its TCP or TLS listener.
     *
     * @param tls whether the listener is TLS (API Gateway then speaks HTTPS)
     */
    public static PrivateTarget networkLoadBalancer(INetworkLoadBalancer loadBalancer, int port, boolean tls) {
        return networkTarget(loadBalancer, port, tls, loadBalancer.getNode().getPath());
    }

    private static PrivateTarget networkTarget(INetworkLoadBalancer lb, int port, boolean tls, String path) {
        List<String> groups = lb.getSecurityGroups();
        return new PrivateTarget(false, lb.getLoadBalancerArn(), lb.getLoadBalancerDnsName(), port, tls, lb,
                groups != null && !groups.isEmpty(), lb.getVpc(), path);
    }

    /** True for an Application Load Balancer, false for a Network Load Balancer. */
    public boolean isApplicationLoadBalancer() {
        return application;
    }

    /** The load balancer's ARN: the integration's {@code integrationTarget} with a VPC link V2. */
    public String getLoadBalancerArn() {
        return loadBalancerArn;
    }

    /** The load balancer's DNS name: the URI's host unless the route names another. */
    public String getDnsName() {
        return dnsName;
    }

    public int getPort() {
        return port;
    }

    /** Whether API Gateway speaks HTTPS to the listener. */
    public boolean isTls() {
        return tls;
    }

    /** The load balancer's VPC, or null when it is not known (imported without it). */
    public IVpc getVpc() {
        return vpc;
    }

    /** The construct path of the listener or load balancer, for messages. */
    public String getPath() {
        return path;
    }

    /** The load balancer, whose security groups let a VPC link in. */
    IConnectable loadBalancer() {
        return loadBalancer;
    }

    /** Whether the load balancer has security groups to allow the VPC link in. */
    boolean hasSecurityGroups() {
        return securityGroups;
    }
}
