package dev.gatehouse.api.internal;

import dev.gatehouse.api.ResourcePolicy;
import dev.gatehouse.authorizer.policy.RouteKey;
import dev.gatehouse.authorizer.policy.RouteScopes;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.IVpcEndpoint;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * An API's resource policy: its settings checked (rules GH303, GH430), and the policy rendered
 * with the routes it cannot keep apart (rule GH431).
 */
public final class ResourcePolicyRenderer {
    /** A resource policy (null when the API has none), and the routes it cannot keep apart. */
    public record Rendering(Map<String, Object> policy, List<Conflict> conflicts) {
        /** No resource policy. */
        public static final Rendering NONE = new Rendering(null, List.of());
    }

    /** A route open to any principal whose policy pattern also reaches an IAM route's requests. */
    public record Conflict(String openRoute, String iamRoute) {
    }

    private final ResourcePolicy resourcePolicy;
    private final boolean privateApi;
    private final List<String> vpcEndpointIds;
    private final String subject;

    /**
     * @param resourcePolicy the policy asked for, or null
     * @param privateApi whether the API is PRIVATE (it then needs a policy naming its VPC endpoints)
     */
    public ResourcePolicyRenderer(ResourcePolicy resourcePolicy, boolean privateApi, String apiName, Findings findings) {
        this.resourcePolicy = resourcePolicy;
        this.privateApi = privateApi;
        this.subject = "GatewayApi '" + apiName + "'";
        this.vpcEndpointIds = resourcePolicy == null ? List.of()
                : resourcePolicy.getVpcEndpoints().stream().map(IVpcEndpoint::getVpcEndpointId).toList();
        if (privateApi && vpcEndpointIds.isEmpty()) {
            findings.report(Rules.ENDPOINT_TYPE, subject,
                    "it is PRIVATE but names no VPC endpoint, so nothing could call it and API Gateway would "
                            + "refuse to deploy it without a resource policy.",
                    "pass resourcePolicy(ResourcePolicy.builder().vpcEndpoints(List.of(endpoint)).build()) with "
                            + "your execute-api interface endpoint.");
        }
        if (resourcePolicy != null) {
            List<String> ips = new ArrayList<>(resourcePolicy.getAllowSourceIps());
            ips.addAll(resourcePolicy.getDenySourceIps());
            for (String ip : ips) {
                if (!ResourcePolicyDocument.isCidr(ip)) {
                    findings.report(Rules.SOURCE_IP, subject,
                            "its resource policy names '" + ip + "', which is not an IP address or CIDR block.",
                            "write addresses as CIDR blocks, e.g. 203.0.113.0/24 or 2001:db8::/32.");
                }
            }
        }
    }

    /** The VPC endpoints the API may be called through (empty: any). */
    public List<String> vpcEndpointIds() {
        return vpcEndpointIds;
    }

    /** An explicit resource policy, or the one a PRIVATE API needs. */
    public boolean hasPolicy() {
        return resourcePolicy != null || privateApi;
    }

    /**
     * The resource policy, or none when the API has none. Principal '*' is allowed on the routes
     * that are not IAM routes; their patterns come from the same analysis the JWT authorizer uses,
     * and a pattern that would also reach an IAM route's requests is a conflict.
     *
     * @param iamByRoute every route of the document ("GET /orders/{id}"), true for IAM routes
     */
    public Rendering render(Map<String, Boolean> iamByRoute, String stageName) {
        if (!hasPolicy()) {
            return Rendering.NONE;
        }
        List<String> otherRoutes = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        RouteScopes analysis = routeAnalysis(iamByRoute);
        List<RouteKey> iamRoutes = new ArrayList<>();
        iamByRoute.forEach((route, iam) -> {
            if (iam) {
                iamRoutes.add(RouteKey.parse(route));
            }
        });
        for (Map.Entry<String, Boolean> route : iamByRoute.entrySet()) {
            if (route.getValue()) {
                continue;
            }
            RouteKey key = RouteKey.parse(route.getKey());
            analysis.patterns(key).forEach(pattern -> otherRoutes.add("execute-api:/" + stageName + "/" + pattern));
            for (RouteKey iamRoute : iamRoutes) {
                if (analysis.reaches(key, iamRoute)) {
                    conflicts.add(new Conflict(route.getKey(), iamRoute.toString()));
                }
            }
        }
        boolean hasIam = iamByRoute.containsValue(true);
        ResourcePolicy policy = resourcePolicy != null ? resourcePolicy : ResourcePolicy.builder().build();
        List<Object> extra = policy.getStatements().stream().map(PolicyStatement::toStatementJson).toList();
        return new Rendering(ResourcePolicyDocument.render(new ResourcePolicyDocument.Input(
                policy.getAllowSourceIps(), policy.getDenySourceIps(),
                policy.getVpcEndpoints().stream().map(IVpcEndpoint::getVpcEndpointId).toList(),
                privateApi, hasIam, otherRoutes, extra)), conflicts);
    }

    /** Reports each conflict of {@code rendering} (rule GH431). */
    public void reportConflicts(Rendering rendering, Findings findings) {
        for (Conflict conflict : rendering.conflicts()) {
            findings.report(Rules.RESOURCE_POLICY_OVERLAP, subject,
                    "its resource policy lets any principal call route '" + conflict.openRoute() + "', and that "
                            + "route's pattern also matches requests of the IAM route '" + conflict.iamRoute()
                            + "' ('*' matches '/'), which would then need no IAM permission.",
                    "put the IAM routes under a path the other routes' variables cannot reach (e.g. /admin/...), "
                            + "or give both the same kind of authorization.");
        }
    }

    /** The routes as the route-scope analysis sees them (IAM routes need a scope nobody else has). */
    private static RouteScopes routeAnalysis(Map<String, Boolean> iamByRoute) {
        RouteScopes.Builder builder = RouteScopes.builder();
        iamByRoute.forEach((route, iam) -> builder.route(route, iam ? List.of("iam") : List.of()));
        return builder.build();
    }
}
