package dev.gatehouse.api.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.Defaults;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.AuthorizationConfig;
import dev.gatehouse.api.AuthorizationContext;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.HttpMethod;
import dev.gatehouse.api.Route;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.integrations.IntegrationContext;
import dev.gatehouse.integrations.LambdaTarget;
import dev.gatehouse.integrations.RouteIntegration;
import dev.gatehouse.integrations.RouteIntegrationConfig;
import dev.gatehouse.integrations.internal.RouteIntegrationConfigNodes;
import dev.gatehouse.integrations.internal.StreamingCheck;
import dev.gatehouse.path.PathGrammar;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rule;
import dev.gatehouse.rules.Rules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.IConstruct;

/**
 * An API's routes: parses each declaration, defaults its authorization, checks it, binds its
 * integration and authorization, and keeps the route with its rendered operation.
 */
public final class RouteTable {
    /** Makes the public {@link Route} of a declaration (its constructor is the API package's). */
    public interface RouteFactory {
        Route create(String spec, HttpMethod method, RoutePath path);
    }

    /**
     * A declared route with its parsed path and its OpenAPI operation (null when the route is not
     * valid), whether it is an IAM route, and its caching.
     */
    public record DeclaredRoute(Route route, RoutePath path, ObjectNode operation, boolean iam,
            RouteCaching.RouteCache cache) {
    }

    private final GatewayApi api;
    private final Authorization defaultAuthorization;
    private final Findings findings;
    private final Function<IFunction, LambdaTarget> lambdaTargets;
    private final StageCaching caching;
    private final SecuritySchemes schemes = new SecuritySchemes();
    private final RouteRequests requests;
    private final ExecutionRole executionRole;
    private final List<DeclaredRoute> routes = new ArrayList<>();
    /** {@link #valid()} for this many routes (-1: not computed); routes are only ever added. */
    private int validFor = -1;
    private boolean valid;

    /**
     * @param lambdaTargets grants the API invoke on a function and says how routes invoke it
     * @param caching the stage's caching, which routes resolve their own against
     */
    public RouteTable(GatewayApi api, Authorization defaultAuthorization, Findings findings,
            Function<IFunction, LambdaTarget> lambdaTargets, StageCaching caching) {
        this.api = api;
        this.defaultAuthorization = defaultAuthorization;
        this.findings = findings;
        this.lambdaTargets = lambdaTargets;
        this.requests = new RouteRequests(findings);
        this.executionRole = new ExecutionRole(api, api.getApiName());
        this.caching = caching;
    }

    /** Declares the route {@code spec}; its problems are reported to the API's findings. */
    public Route declare(String spec, RouteOptions options, RouteIntegration integration, RouteFactory factory) {
        Parsed parsed = parse(spec);
        Route route = factory.create(parsed.spec(), parsed.method(), parsed.path());
        String subject = "route '" + route + "'";
        RoutePath path = parsed.path();

        Authorization authorization = authorizationOf(route, options);
        if (authorization == null) {
            findings.report(Rules.AUTHORIZATION_REQUIRED, subject,
                    "it has no authorization, and Gatehouse does not make routes public implicitly.",
                    "pass RouteOptions.of(Authorization.iam()) (or an authorizer's authorization), set the API's "
                            + "defaultAuthorization, or pass RouteOptions.of(Authorization.none()) to make it public "
                            + "on purpose.");
        }
        ThrottleCheck.check(options.getThrottle(), subject, findings);

        ObjectNode operation = null;
        RouteCaching.RouteCache cache = RouteCaching.RouteCache.NONE;
        if (route.getMethod() != null && path != null && path.isValid()) {
            RouteContext context = new RouteContext(route, subject);
            RouteIntegrationConfig config = integration.bind(context);
            StreamingCheck.check(RouteIntegrationConfigNodes.integration(config), context);
            Map<String, List<String>> security = new LinkedHashMap<>();
            Map<String, List<String>> authorizerScopes = new LinkedHashMap<>();
            if (authorization != null) {
                for (AuthorizationConfig.Requirement requirement : authorization.bind(context).getRequirements()) {
                    security.put(requirement.schemeName(), requirement.scopes());
                    if (!requirement.authorizerScopes().isEmpty()) {
                        authorizerScopes.put(requirement.schemeName(), requirement.authorizerScopes());
                    }
                }
            }
            if (Objects.requireNonNullElse(options.getApiKeyRequired(), Defaults.API_KEY_REQUIRED)) {
                security.put(context.securityScheme(GatewayApi.API_KEY_SCHEME, GatewayApi.API_KEY_SCHEME,
                        RouteTable::apiKeyScheme), List.of());
            }
            operation = OpenApiDocument.operation(path, options.getOperationId(), options.getSummary(), security,
                    RouteIntegrationConfigNodes.responses(config), RouteIntegrationConfigNodes.integration(config));
            OpenApiDocument.authorizerScopes(operation, authorizerScopes);
            requests.apply(route, subject, options.getRequestValidation(), operation);
            cache = RouteCaching.resolve(caching, route, path, options.getCaching(), security, schemes, subject, findings);
            RouteCaching.decorate(operation, cache, route.toString());
        }
        routes.add(new DeclaredRoute(route, path, operation, authorization == Authorization.iam(), cache));
        return route;
    }

    /** The declared routes, in declaration order. */
    public List<DeclaredRoute> declared() {
        return Collections.unmodifiableList(routes);
    }

    /** The API's security schemes. */
    public SecuritySchemes schemes() {
        return schemes;
    }

    /** What the API's operations declare about requests: models, validators. */
    public RouteRequests requests() {
        return requests;
    }

    /** True when every route parsed and no two share a method and path (the analyses need that). */
    public boolean valid() {
        if (validFor != routes.size()) {
            Set<String> seen = new HashSet<>();
            valid = true;
            for (DeclaredRoute declared : routes) {
                Route route = declared.route();
                if (route.getMethod() == null || declared.path() == null || !declared.path().isValid()
                        || !seen.add(route.getMethod() + " " + declared.path().shape())) {
                    valid = false;
                    break;
                }
            }
            validFor = routes.size();
        }
        return valid;
    }

    /** Explicit, else the API's default, else public for OPTIONS (CORS preflights carry no credentials). */
    private Authorization authorizationOf(Route route, RouteOptions options) {
        if (options.getAuthorization() != null) {
            return options.getAuthorization();
        }
        if (route.getMethod() == HttpMethod.OPTIONS) {
            return Authorization.none();
        }
        return defaultAuthorization;
    }

    private static ObjectNode apiKeyScheme() {
        ObjectNode scheme = JsonNodeFactory.instance.objectNode();
        scheme.put("type", "apiKey");
        scheme.put("name", "x-api-key");
        scheme.put("in", "header");
        return scheme;
    }

    // ---- Parsing ---------------------------------------------------------------------------------

    /** A declaration's parts; method and path are null when missing or not valid. */
    private record Parsed(String spec, HttpMethod method, RoutePath path) {
    }

    private Parsed parse(String spec) {
        String subject = "route '" + spec + "'";
        PathGrammar.ParsedRoute parsed = PathGrammar.parseRoute(spec);
        for (PathGrammar.Problem problem : parsed.problems()) {
            findings.report(Rules.ROUTE_SPEC, subject, problem.message() + ".", problem.fix() + ".");
        }
        HttpMethod method = null;
        if (parsed.method() != null) {
            method = HttpMethod.parse(parsed.method()).orElse(null);
            if (method == null) {
                findings.report(Rules.ROUTE_SPEC, subject, "'" + parsed.method()
                                + "' is not an HTTP method API Gateway routes.",
                        "use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY.");
            }
        }
        RoutePath path = parsed.path() == null ? null : RoutePath.of(parsed.path(), subject, findings);
        return new Parsed(String.valueOf(spec), parsed.problems().isEmpty() ? method : null, path);
    }

    /** What an integration and an authorization see of the route they are bound to. */
    private final class RouteContext implements IntegrationContext, AuthorizationContext {
        private final Route route;
        private final String subject;

        RouteContext(Route route, String subject) {
            this.route = route;
            this.subject = subject;
        }

        @Override
        public GatewayApi getApi() {
            return api;
        }

        @Override
        public Route getRoute() {
            return route;
        }

        @Override
        public void report(Rule rule, String problem, String fix) {
            findings.report(rule, subject, problem, fix);
        }

        @Override
        public LambdaTarget lambdaTarget(IFunction function) {
            return lambdaTargets.apply(function);
        }

        @Override
        public String allowExecution(IConstruct target, String action, String resourceArn) {
            return executionRole.allow(target, action, resourceArn);
        }

        @Override
        public boolean hasSecurityScheme(Object owner) {
            return schemes.has(owner);
        }

        @Override
        public String securityScheme(Object owner, String preferredName, Supplier<ObjectNode> scheme) {
            return schemes.register(owner, preferredName, scheme);
        }
    }
}
