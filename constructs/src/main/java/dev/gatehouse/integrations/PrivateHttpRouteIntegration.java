package dev.gatehouse.integrations;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.Defaults;
import dev.gatehouse.api.HttpMethod;
import dev.gatehouse.api.internal.Tokens;
import dev.gatehouse.rules.Rules;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Private HTTP proxy integration ({@code http_proxy} over {@code VPC_LINK}) to a load balancer
 * listener in a VPC: through a VPC link V2 with the load balancer as {@code integrationTarget}, or
 * through a legacy VPC link V1 to a Network Load Balancer.
 */
final class PrivateHttpRouteIntegration extends RouteIntegration {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");

    private final PrivateTarget target;
    private final PrivateHttpOptions options;

    PrivateHttpRouteIntegration(PrivateTarget target, PrivateHttpOptions options) {
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public RouteIntegrationConfig bind(IntegrationContext context) {
        String path = options.getPath() != null ? options.getPath() : context.getRoute().getPath().replace("+}", "}");
        String host = options.getHost() != null ? options.getHost() : target.getDnsName();
        checkPathAndHost(path, context);
        checkTls(context);
        HttpMethod backendMethod = options.getHttpMethod() != null ? options.getHttpMethod() : context.getRoute().getMethod();

        ObjectNode integration = JsonNodeFactory.instance.objectNode();
        integration.put("type", "http_proxy");
        integration.put("httpMethod", backendMethod.name());
        integration.put("uri", uri(host, path));
        integration.put("connectionType", "VPC_LINK");
        if (options.getLegacyVpcLink() != null) {
            if (target.isApplicationLoadBalancer()) {
                context.report(Rules.PRIVATE_LINK_TARGET,
                        "its VPC link V1 cannot reach the Application Load Balancer of '" + target.getPath() + "'.",
                        "leave legacyVpcLink unset (a VPC link V2 is used), or pass a GatewayVpcLink as vpcLink.");
            }
            integration.put("connectionId", options.getLegacyVpcLink().getVpcLinkId());
        } else {
            integration.put("connectionId", vpcLink(context));
            integration.put("integrationTarget", target.getLoadBalancerArn());
        }
        integration.put("passthroughBehavior", "when_no_match");
        UrlVariables.map(path, context, integration);
        if (Objects.requireNonNullElse(options.getInsecureSkipVerification(), Defaults.INSECURE_SKIP_VERIFICATION)) {
            integration.putObject("tlsConfig").put("insecureSkipVerification", true);
        }
        IntegrationTimeout.apply(options.getTimeout(), options.getStreamingMode(), context, integration);
        return RouteIntegrationConfig.owning(integration,
                RouteIntegrationConfig.responses("200", "Response of the private backend"));
    }

    /** {@code scheme://host[:port]path}, the port left out when it is the scheme's default. */
    private String uri(String host, String path) {
        boolean defaultPort = target.getPort() == (target.isTls() ? 443 : 80);
        return (target.isTls() ? "https://" : "http://") + host + (defaultPort ? "" : ":" + target.getPort()) + path;
    }

    /** The id of the VPC link V2: the one given, or the API's own in the load balancer's VPC. */
    private String vpcLink(IntegrationContext context) {
        GatewayVpcLink link = options.getVpcLink();
        if (link == null) {
            if (target.getVpc() == null) {
                context.report(Rules.PRIVATE_LINK_VPC,
                        "the load balancer of '" + target.getPath() + "' has no known VPC to create a VPC link in.",
                        "create one (GatewayVpcLink.Builder.create(this, \"Link\").vpc(vpc).build()) or import one "
                                + "(GatewayVpcLink.fromVpcLinkId), and pass it as PrivateHttpOptions vpcLink.");
                return "";
            }
            link = GatewayVpcLink.of(context.getApi(), target.getVpc());
        }
        link.allowTo(target);
        return link.getVpcLinkId();
    }

    private void checkPathAndHost(String path, IntegrationContext context) {
        String literalPath = Tokens.replaceTokens(path, "token");
        if (!literalPath.startsWith("/") || literalPath.contains("?") || literalPath.contains("#")
                || literalPath.chars().anyMatch(Character::isWhitespace)) {
            context.report(Rules.PRIVATE_PATH,
                    "the backend path '" + path + "' does not start with '/' or has a query string, fragment or whitespace.",
                    "give a path from the root without query string, e.g. \"/orders/{id}\"; the client's query string "
                            + "is passed through.");
        }
        String host = options.getHost();
        if (host != null && !Tokens.containsToken(host) && !HOST.matcher(host).matches()) {
            context.report(Rules.PRIVATE_PATH, "the host '" + host + "' is not a DNS name.",
                    "give the host name alone, e.g. \"orders.internal.example.com\" (no scheme, port or path).");
        }
    }

    private void checkTls(IntegrationContext context) {
        if (target.isTls() && options.getHost() == null) {
            context.report(Rules.PRIVATE_TLS,
                    "API Gateway would verify the certificate of '" + target.getPath() + "' against the load balancer's "
                            + "own DNS name, which no certificate of yours can carry, so every request would fail.",
                    "set PrivateHttpOptions host(...) to a name the listener's certificate covers, e.g. "
                            + "\"orders.internal.example.com\".");
        }
        if (!target.isTls() && Boolean.TRUE.equals(options.getInsecureSkipVerification())) {
            context.report(Rules.PRIVATE_TLS,
                    "insecureSkipVerification is set, but '" + target.getPath() + "' is reached over plain HTTP.",
                    "remove insecureSkipVerification, or route to an HTTPS (ALB) or TLS (NLB) listener.");
        }
    }
}
