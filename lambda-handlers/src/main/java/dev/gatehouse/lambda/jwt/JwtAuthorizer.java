package dev.gatehouse.lambda.jwt;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import dev.gatehouse.lambda.jwt.internal.AuthorizerLog;
import dev.gatehouse.lambda.jwt.internal.KeySource;
import dev.gatehouse.lambda.jwt.internal.MethodArn;
import dev.gatehouse.lambda.jwt.internal.Reason;
import dev.gatehouse.lambda.jwt.internal.Rejection;
import dev.gatehouse.lambda.jwt.internal.TokenValidator;
import dev.gatehouse.lambda.jwt.internal.VerifiedToken;
import dev.gatehouse.authorizer.policy.PolicyPlan;
import dev.gatehouse.authorizer.policy.RouteKey;
import dev.gatehouse.authorizer.policy.RouteScopes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides an API Gateway Lambda authorizer request (TOKEN or REQUEST type): verifies the JWT and
 * returns the principal's IAM policy for every route of the {@link RouteScopes} configuration.
 *
 * <p>The policy is exact whenever {@link PolicyPlan#exact()} holds, so a result cached by token is
 * right for all the principal's routes; otherwise it covers only the current request and the
 * context says so ({@value #POLICY_CONTEXT_KEY} = {@value #POLICY_REQUEST}).
 */
public final class JwtAuthorizer {
    /** Context key telling which policy was returned. */
    public static final String POLICY_CONTEXT_KEY = "gatehousePolicy";
    /** The policy covers every configured route (cacheable by token). */
    public static final String POLICY_ROUTES = "routes";
    /** The policy covers only the current request (must not be cached by token). */
    public static final String POLICY_REQUEST = "request";

    private static final String ACTION = "execute-api:Invoke";
    /** Entries each per-methodArn cache holds before it starts over (the methodArn is the caller's). */
    static final int CACHE_LIMIT = 1024;

    /** A parsed methodArn and the configured route it targets (empty: not configured). */
    private record Target(MethodArn arn, Optional<RouteKey> route) {}

    /** The statements of a plan for one API stage. */
    private record StatementsKey(PolicyPlan plan, String prefix) {}

    private final JwtAuthorizerConfig config;
    private final TokenValidator validator;
    private final RouteScopes routes;
    private final AuthorizerLog log;
    private final int cacheLimit;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final Map<StatementsKey, List<IamPolicyResponse.Statement>> statementsCache = new ConcurrentHashMap<>();

    public JwtAuthorizer(JwtAuthorizerConfig config, KeySource keys, Clock clock, AuthorizerLog log) {
        this(config, keys, clock, log, CACHE_LIMIT);
    }

    /** With another cache limit, for tests. */
    JwtAuthorizer(JwtAuthorizerConfig config, KeySource keys, Clock clock, AuthorizerLog log, int cacheLimit) {
        this.config = config;
        this.validator = new TokenValidator(keys, clock, config.algorithms(), config.issuer(), config.audiences(),
                config.clockSkew(), config.tokenMaxBytes());
        this.routes = config.routeScopes();
        this.log = log;
        this.cacheLimit = cacheLimit;
    }

    /**
     * Verifies the request's token and builds its policy.
     *
     * @throws Rejection when the request must be answered 401
     */
    public IamPolicyResponse authorize(APIGatewayCustomAuthorizerEvent event, String requestId) throws Rejection {
        if (event == null) {
            throw new Rejection(Reason.MISSING_TOKEN, "no event");
        }
        String token = token(event);
        VerifiedToken verified = validator.validate(token);
        Target target = target(event);
        MethodArn arn = target.arn();
        Optional<RouteKey> route = target.route();
        PolicyPlan plan = routes.plan(verified.scopes());

        List<IamPolicyResponse.Statement> statements;
        String kind;
        if (route.isEmpty()) {
            log.write("route-not-configured requestId=" + requestId + " method=" + arn.method()
                    + " resource=" + (event.getResource() == null ? "-" : event.getResource()));
            if (plan.exact() && !arn.hasWildcards()) {
                statements = planStatements(plan, arn.prefix(), arn.arn());
                kind = POLICY_ROUTES;
            } else {
                statements = List.of(statement(IamPolicyResponse.DENY, List.of(arn.arn())));
                kind = POLICY_REQUEST;
            }
        } else {
            boolean permitted = plan.permits(route.get());
            if (plan.exact() && plan.allows(arn.suffix()) == permitted) {
                statements = cachedStatements(plan, arn.prefix());
                kind = POLICY_ROUTES;
            } else {
                if (plan.exact()) {
                    // The plan disagrees with the route decision for this very request: never
                    // expected; answer for this request only and say so.
                    log.write("policy-self-check-failed requestId=" + requestId + " route=\"" + route.get() + "\"");
                } else {
                    log.write("policy-not-exact requestId=" + requestId + " unresolved=" + plan.unresolved().size()
                            + " (returning a policy for this request only)");
                }
                boolean allow = permitted && !arn.hasWildcards();
                statements = List.of(statement(allow ? IamPolicyResponse.ALLOW : IamPolicyResponse.DENY,
                        List.of(arn.arn())));
                kind = POLICY_REQUEST;
            }
        }
        IamPolicyResponse response = new IamPolicyResponse();
        response.setPrincipalId(verified.subject());
        response.setPolicyDocument(new IamPolicyResponse.PolicyDocument(IamPolicyResponse.VERSION_2012_10_17, statements));
        response.setContext(context(verified, kind));
        return response;
    }

    private String token(APIGatewayCustomAuthorizerEvent event) throws Rejection {
        String raw;
        String type = event.getType();
        if ("REQUEST".equals(type) || (type == null && event.getAuthorizationToken() == null)) {
            raw = header(event.getHeaders(), config.tokenHeader());
        } else {
            raw = event.getAuthorizationToken();
        }
        if (raw == null) {
            throw new Rejection(Reason.MISSING_TOKEN);
        }
        String value = raw.trim();
        if (value.equalsIgnoreCase("bearer")) {
            throw new Rejection(Reason.MISSING_TOKEN);
        }
        int space = value.indexOf(' ');
        // (space > 0 would be the same: the value is trimmed, so it never starts with a space)
        if (space >= 0) {
            if (!value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
                throw new Rejection(Reason.MALFORMED_TOKEN, "not a Bearer credential");
            }
            value = value.substring(space + 1).trim();
        }
        if (value.isEmpty()) {
            throw new Rejection(Reason.MISSING_TOKEN);
        }
        return value;
    }

    private static String header(Map<String, String> headers, String name) {
        // (Returning "" instead of null, here or below, would be the same: an empty credential is
        // a missing token. Equivalent mutants.)
        if (headers == null) {
            return null;
        }
        String exact = headers.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * The request's methodArn and route: for REQUEST events the route named by {@code resource} and
     * {@code httpMethod}, otherwise the route API Gateway sends the methodArn's path to. Cached, as
     * the same few ARNs come back again and again.
     */
    private Target target(APIGatewayCustomAuthorizerEvent event) throws Rejection {
        String methodArn = event.getMethodArn();
        if (methodArn == null) {
            throw new Rejection(Reason.BAD_METHOD_ARN);
        }
        boolean byResource = event.getResource() != null && event.getHttpMethod() != null;
        String key = byResource ? methodArn + '\n' + event.getHttpMethod() + '\n' + event.getResource() : methodArn;
        Target target = targets.get(key);
        if (target != null) {
            return target;
        }
        MethodArn arn = MethodArn.parse(methodArn);
        if (arn == null) {
            throw new Rejection(Reason.BAD_METHOD_ARN);
        }
        Optional<RouteKey> route = byResource ? routes.routeForResource(event.getHttpMethod(), event.getResource())
                : routes.routeForRequest(arn.method(), arn.path());
        target = new Target(arn, route);
        if (targets.size() >= cacheLimit) {
            targets.clear();
        }
        targets.put(key, target);
        return target;
    }

    private List<IamPolicyResponse.Statement> cachedStatements(PolicyPlan plan, String prefix) {
        StatementsKey key = new StatementsKey(plan, prefix);
        List<IamPolicyResponse.Statement> statements = statementsCache.get(key);
        if (statements == null) {
            statements = planStatements(plan, prefix, null);
            if (statementsCache.size() >= cacheLimit) {
                statementsCache.clear();
            }
            statementsCache.put(key, statements);
        }
        return statements;
    }

    private static List<IamPolicyResponse.Statement> planStatements(PolicyPlan plan, String prefix, String extraDeny) {
        List<IamPolicyResponse.Statement> statements = new ArrayList<>(2);
        // never modified once built: the statements may be shared between responses
        List<String> allow = plan.allowResources(prefix);
        List<String> deny = new ArrayList<>(plan.denyResources(prefix));
        if (extraDeny != null) {
            deny.add(extraDeny);
        }
        if (!allow.isEmpty()) {
            statements.add(statement(IamPolicyResponse.ALLOW, allow));
        }
        if (!deny.isEmpty()) {
            statements.add(statement(IamPolicyResponse.DENY, deny));
        }
        return List.copyOf(statements);
    }

    private static IamPolicyResponse.Statement statement(String effect, List<String> resources) {
        return new IamPolicyResponse.Statement(ACTION, effect, List.copyOf(resources), null);
    }

    /** How many methodArn targets are cached (at most the cache limit); for tests. */
    int cachedTargets() {
        return targets.size();
    }

    /** How many statement lists are cached (at most the cache limit); for tests. */
    int cachedStatementLists() {
        return statementsCache.size();
    }

    private Map<String, Object> context(VerifiedToken token, String kind) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("sub", token.subject());
        context.put("scope", String.join(" ", token.scopes()));
        for (String name : config.contextClaims()) {
            Object value = token.claims().getClaim(name);
            if (value instanceof String || value instanceof Boolean || value instanceof Number) {
                context.put(name, value);
            } else if (value instanceof Date date) {
                context.put(name, date.getTime() / 1000); // exp, nbf, iat as in the token
            }
        }
        context.put(POLICY_CONTEXT_KEY, kind);
        return context;
    }
}
