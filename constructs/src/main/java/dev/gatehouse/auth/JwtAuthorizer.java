package dev.gatehouse.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.AuthorizationConfig;
import dev.gatehouse.api.AuthorizationContext;
import dev.gatehouse.auth.internal.JwtSettingsCheck;
import dev.gatehouse.auth.internal.LambdaAuthorizerScheme;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.authorizer.policy.Ambiguity;
import dev.gatehouse.authorizer.policy.RouteKey;
import dev.gatehouse.authorizer.policy.RouteScopes;
import dev.gatehouse.functions.internal.BundledFunctionProps;
import dev.gatehouse.functions.internal.HandlerAssets;
import dev.gatehouse.rules.Finding;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import dev.gatehouse.rules.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.IStableStringProducer;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.assets.Asset;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The bundled JWT authorizer: a Lambda authorizer that verifies bearer tokens against an
 * issuer's JWKS and enforces per-route scopes.
 *
 * <pre>{@code
 * JwtAuthorizer jwt = JwtAuthorizer.Builder.create(this, "Jwt")
 *         .issuer("https://auth.example.com/")
 *         .audiences(List.of("orders-api"))
 *         .build();
 * api.route("GET /orders", integration, RouteOptions.of(jwt.requireScopes("orders:read")));
 * }</pre>
 *
 * <p>Every route that uses it is listed, with its scopes, in the function's configuration, so its
 * IAM policy covers all of the caller's routes and a cached decision is right for each of them.
 * See docs/jwt-authorizer.md for the verification rules.
 */
public class JwtAuthorizer extends Construct {
    /** Entry point of the bundled handler. */
    public static final String HANDLER = "dev.gatehouse.lambda.jwt.JwtAuthorizerHandler::handleRequest";
    /** The handler reads its route scopes from this file in its code directory. */
    public static final String ROUTE_SCOPES_FILE = "gatehouse-route-scopes.json";
    /** The largest route-scopes file the handler reads. */
    static final int ROUTE_SCOPES_LIMIT_BYTES = 1024 * 1024;
    static final int DEFAULT_TTL_SECONDS = 300;
    static final int MAX_CLOCK_SKEW_SECONDS = 60;
    /** API Gateway rejects headers that are not a bearer JWT before invoking the function. */
    static final String TOKEN_PATTERN = "^([Bb]earer )?[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The construct id: the security scheme's name and how findings name this authorizer. */
    private final String name;
    private final Function function;
    private final IFunction target;
    private final LambdaAuthorizerScheme.Settings settings;
    /** The function's code with the route scopes, created when synthesis starts. */
    private Asset asset;
    private final Findings findings = new Findings();
    /** "METHOD /path" to required scopes, for every route using this authorizer. */
    private final Map<String, List<String>> routeScopes = new TreeMap<>();
    /** The route of each path shape ({@link RouteKey#shapeKey()}), with the API that declared it first. */
    private final Map<String, Declared> byShape = new HashMap<>();
    private boolean warningsAnnotated;

    /** A route as first declared with this authorizer. */
    private record Declared(String route, List<String> scopes, GatewayApi api) {
    }

    public JwtAuthorizer(Construct scope, String id, JwtAuthorizerProps props) {
        super(scope, id);
        this.name = id;
        Objects.requireNonNull(props, "props");
        String subject = "JwtAuthorizer '" + id + "'";

        JwtSettingsCheck check = new JwtSettingsCheck(findings, subject);
        String issuer = props.getIssuer() != null ? props.getIssuer() : "";
        String jwksUrl = check.issuerAndKeys(props.getIssuer(), props.getJwksUrl());

        boolean audienceDisabled = Boolean.TRUE.equals(props.getDisableAudienceCheck());
        List<String> audiences = props.getAudiences() != null ? props.getAudiences() : List.of();
        if (audienceDisabled && !audiences.isEmpty()) {
            throw new IllegalArgumentException(subject + ": audiences and disableAudienceCheck(true) contradict "
                    + "each other; keep one.");
        }
        if (!audienceDisabled && audiences.isEmpty()) {
            findings.report(Rules.JWT_SETTINGS, subject, "it accepts no audience.",
                    "set audiences(List.of(\"<your API's audience>\")); only if the issuer's tokens carry no "
                            + "audience, set disableAudienceCheck(true).");
        }
        check.audiences(audiences);
        List<JwtAlgorithm> algorithms = props.getAlgorithms() != null ? props.getAlgorithms() : List.of(JwtAlgorithm.RS256);
        if (algorithms.isEmpty()) {
            findings.report(Rules.JWT_SETTINGS, subject, "it accepts no signature algorithm.",
                    "leave algorithms unset (RS256) or list the issuer's, e.g. List.of(JwtAlgorithm.ES256).");
        }
        int skew = props.getClockSkew() != null ? props.getClockSkew().toSeconds().intValue() : MAX_CLOCK_SKEW_SECONDS;
        if (skew < 0 || skew > MAX_CLOCK_SKEW_SECONDS) {
            findings.report(Rules.JWT_SETTINGS, subject, "the clock skew is " + skew + " seconds.",
                    "choose 0 to " + MAX_CLOCK_SKEW_SECONDS + " seconds.");
        }
        List<String> contextClaims = props.getContextClaims() != null ? props.getContextClaims() : List.of();
        check.contextClaims(contextClaims);

        LambdaAuthorizerType type = props.getType() != null ? props.getType() : LambdaAuthorizerType.TOKEN;
        String header = props.getHeaderName() != null ? props.getHeaderName() : "Authorization";
        int ttl = props.getResultsCacheTtl() != null ? props.getResultsCacheTtl().toSeconds().intValue() : DEFAULT_TTL_SECONDS;
        this.settings = new LambdaAuthorizerScheme.Settings(type, header,
                List.of("method.request.header." + header), ttl,
                type == LambdaAuthorizerType.TOKEN ? TOKEN_PATTERN : null);
        LambdaAuthorizerScheme.check(settings).forEach(p -> findings.report(p.rule(), subject, p.problem(), p.fix()));

        Map<String, String> env = new LinkedHashMap<>();
        env.put("GATEHOUSE_JWKS_URL", jwksUrl);
        env.put("GATEHOUSE_ISSUER", issuer);
        if (audienceDisabled) {
            env.put("GATEHOUSE_AUDIENCE_DISABLED", "true");
        } else {
            env.put("GATEHOUSE_AUDIENCE", String.join(",", audiences));
        }
        env.put("GATEHOUSE_ALGORITHMS", algorithms.stream().map(Enum::name).collect(Collectors.joining(",")));
        env.put("GATEHOUSE_CLOCK_SKEW_SECONDS", Integer.toString(skew));
        env.put("GATEHOUSE_TOKEN_HEADER", header);
        if (!contextClaims.isEmpty()) {
            env.put("GATEHOUSE_CONTEXT_CLAIMS", String.join(",", contextClaims));
        }

        boolean snapStart = props.getSnapStart() == null || props.getSnapStart();
        // The route scopes are only known once every route is declared: the code (the jar and
        // gatehouse-route-scopes.json beside it) becomes an asset when synthesis starts (see
        // RouteScopesAsset), and the function points at it through lazy values.
        IBucket codeBucket = Bucket.fromBucketName(this, "CodeBucket", Lazy.string(new IStableStringProducer() {
            @Override
            public String produce() {
                return codeAsset().getS3BucketName();
            }
        }));
        Code code = Code.fromBucket(codeBucket, Lazy.string(new IStableStringProducer() {
            @Override
            public String produce() {
                return codeAsset().getS3ObjectKey();
            }
        }));
        Aspects.of(this).add(new IAspect() {
            @Override
            public void visit(IConstruct node) {
                if (node == JwtAuthorizer.this) {
                    codeAsset();
                }
            }
        });
        this.function = new Function(this, "Function",
                BundledFunctionProps.of(this, "Function", code, HANDLER, env)
                        .description("Gatehouse JWT authorizer for " + issuer)
                        .snapStart(snapStart ? SnapStartConf.ON_PUBLISHED_VERSIONS : null)
                        .build());
        // The CDK warns that a bucket object without a version would not redeploy when it changes;
        // this object's key is the hash of its content, so every change is a new key.
        Annotations.of(this).acknowledgeWarning("@aws-cdk/aws-lambda:codeFromBucketObjectVersionNotSpecified",
                "the code's S3 key is its content hash");
        this.target = BundledFunctionProps.invocationTarget(function, snapStart);

        getNode().addValidation(this::validate);
    }

    /** Routes using this authorization need a valid token carrying every one of {@code scopes}. */
    public Authorization requireScopes(String... scopes) {
        List<String> required = List.of(scopes);
        return Authorization.requiring("JWT" + (required.isEmpty() ? "" : " with scopes " + required),
                context -> bind(context, required));
    }

    private AuthorizationConfig bind(AuthorizationContext context, List<String> required) {
        if (!context.hasSecurityScheme(this)) {
            context.getApi().allowAuthorizerInvoke(target);
        }
        String route = context.getRoute().toString();
        if (asset != null && !routeScopes.containsKey(route)) {
            throw new IllegalStateException("JwtAuthorizer '" + getNode().getPath() + "': route '" + route
                    + "' was declared after the authorizer's code was built (something resolved its function "
                    + "before every route was declared); declare all routes first.");
        }
        boolean accepted = true;
        for (String scope : required) {
            if (!RouteScopes.isScopeToken(scope)) {
                accepted = false;
                context.report(Rules.JWT_SCOPE, "it requires the scope '" + scope + "' from JwtAuthorizer '" + name
                                + "', which is not an RFC 6749 scope token (printable ASCII other than space, '\"' "
                                + "and '\\'), so no token could carry it.",
                        "require each scope as its own argument, e.g. requireScopes(\"orders:read\", \"orders:write\").");
            }
        }
        RouteKey key;
        try {
            key = RouteKey.parse(route);
        } catch (IllegalArgumentException e) {
            context.report(Rules.JWT_SETTINGS, "JwtAuthorizer '" + name + "' cannot represent it: " + e.getMessage()
                    + ".", "use letters, digits, '-', '.', '_' and whole {variable} segments in its path.");
            return AuthorizationConfig.of(context.securityScheme(this, name,
                    () -> LambdaAuthorizerScheme.render(settings, target.getFunctionArn())), List.of());
        }
        Declared earlier = byShape.get(key.shapeKey());
        if (earlier != null && earlier.api() != context.getApi()) {
            if (!earlier.route().equals(route)) {
                accepted = false;
                context.report(Rules.JWT_ROUTE_CONFLICT, "in API '" + context.getApi().getApiName() + "' it uses "
                                + "JwtAuthorizer '" + name + "', which API '" + earlier.api().getApiName()
                                + "' also uses for its route '" + earlier.route()
                                + "': the authorizer knows routes by method and path, and to it both are the same "
                                + "route with differently named variables.",
                        "name the path variables alike in both APIs, or give each API its own JwtAuthorizer.");
            } else if (!earlier.scopes().equals(required)) {
                accepted = false;
                context.report(Rules.JWT_ROUTE_CONFLICT, "in API '" + context.getApi().getApiName() + "' it requires "
                                + "scopes " + required + " from JwtAuthorizer '" + name + "', which API '"
                                + earlier.api().getApiName() + "' also uses for the same "
                                + "route with scopes " + earlier.scopes() + ".",
                        "give each API its own JwtAuthorizer, or require the same scopes.");
            }
        }
        if (accepted && earlier == null) {
            byShape.put(key.shapeKey(), new Declared(route, required, context.getApi()));
            routeScopes.put(route, required);
        }
        // Scopes are enforced by the function; API Gateway's own authorization scopes only apply to
        // Cognito authorizers, so the requirement carries none: the document shows them in the
        // operation's x-gatehouse-scopes.
        return AuthorizationConfig.ofAuthorizerScopes(context.securityScheme(this, name,
                () -> LambdaAuthorizerScheme.render(settings, target.getFunctionArn())), required);
    }

    /** Routes using this authorization need a valid token, whatever its scopes. */
    public Authorization authorization() {
        return requireScopes();
    }

    /**
     * The function's code with the route scopes: made when synthesis starts, or earlier if
     * something resolves the function's code first (e.g. the ARN of its current version, whose
     * logical id is a hash of the code);
     * routes declared after that are refused, since the asset cannot change any more.
     */
    private Asset codeAsset() {
        if (asset == null) {
            asset = Asset.Builder.create(this, "Code")
                    .path(HandlerAssets.directoryWithFiles("jwt-authorizer",
                            Map.of(ROUTE_SCOPES_FILE, routeScopesJson().getBytes(StandardCharsets.UTF_8))).toString())
                    .build();
        }
        return asset;
    }

    /**
     * The authorizer function. With SnapStart it already has the alias
     * {@value dev.gatehouse.Defaults#HANDLER_ALIAS} ({@link #getTarget()}); do not add another of that name.
     */
    public Function getFunction() {
        return function;
    }

    /** What API Gateway invokes: with SnapStart, the alias of the function's current version. */
    public IFunction getTarget() {
        return target;
    }

    /** The routes (as "METHOD /path") that use this authorizer and the scopes each requires. */
    public Map<String, List<String>> getRouteScopes() {
        return java.util.Collections.unmodifiableMap(routeScopes);
    }

    String routeScopesJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode routes = root.putObject("routes");
        routeScopes.forEach((route, scopes) -> scopes.forEach(routes.putArray(route)::add));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize the route scopes of " + getNode().getPath(), e);
        }
    }

    private List<String> validate() {
        Findings all = new Findings();
        all.addAll(findings);
        int size = routeScopesJson().getBytes(StandardCharsets.UTF_8).length;
        if (size > ROUTE_SCOPES_LIMIT_BYTES) {
            all.report(Rules.JWT_ROUTE_SCOPES_SIZE, "JwtAuthorizer '" + name + "'",
                    "its route configuration for " + routeScopes.size() + " routes takes " + size
                            + " bytes; the handler reads at most " + ROUTE_SCOPES_LIMIT_BYTES + ".",
                    "split the routes between several JwtAuthorizers (e.g. one per API area).");
        }
        if (!routeScopes.isEmpty()) {
            // what the handler builds when it starts; the routes it would refuse were reported
            // (and left out) when they were declared
            RouteScopes.Builder handlerView = RouteScopes.builder();
            routeScopes.forEach(handlerView::route);
            RouteScopes built = handlerView.build();
            if (settings.ttlSeconds() > 0) {
                // A cached decision is keyed by the token alone: it must be right for every route.
                for (Ambiguity ambiguity : built.ambiguities()) {
                    all.report(Rules.JWT_POLICY_AMBIGUITY, "JwtAuthorizer '" + name + "'",
                            "with result caching, a token without the scopes of '" + ambiguity.forbiddenRoute()
                                    + "' cannot get an exact policy: " + ambiguity.describe() + ".",
                            "set resultsCacheTtl(Duration.seconds(0)) on this authorizer, give the routes the same "
                                    + "scopes, or give '" + ambiguity.forbiddenRoute() + "' its own JwtAuthorizer.");
                }
            }
        }
        if (!warningsAnnotated) {
            warningsAnnotated = true;
            for (Finding warning : all.withSeverity(Severity.WARNING)) {
                Annotations.of(this).addWarningV2("@gatehouse/" + warning.getRule().getId(), warning.getMessage());
            }
        }
        List<String> errors = new ArrayList<>();
        for (Finding f : all.withSeverity(Severity.ERROR)) {
            errors.add(f.getMessage());
        }
        return errors;
    }

    /** Fluent builder, mirroring the CDK's generated builders. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private final JwtAuthorizerProps.Builder props = JwtAuthorizerProps.builder();

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** @see JwtAuthorizerProps#getIssuer() */
        public Builder issuer(String issuer) {
            props.issuer(issuer);
            return this;
        }

        /** @see JwtAuthorizerProps#getJwksUrl() */
        public Builder jwksUrl(String jwksUrl) {
            props.jwksUrl(jwksUrl);
            return this;
        }

        /** @see JwtAuthorizerProps#getAudiences() */
        public Builder audiences(List<String> audiences) {
            props.audiences(audiences);
            return this;
        }

        /** @see JwtAuthorizerProps#getDisableAudienceCheck() */
        public Builder disableAudienceCheck(Boolean disable) {
            props.disableAudienceCheck(disable);
            return this;
        }

        /** @see JwtAuthorizerProps#getAlgorithms() */
        public Builder algorithms(List<JwtAlgorithm> algorithms) {
            props.algorithms(algorithms);
            return this;
        }

        /** @see JwtAuthorizerProps#getClockSkew() */
        public Builder clockSkew(Duration clockSkew) {
            props.clockSkew(clockSkew);
            return this;
        }

        /** @see JwtAuthorizerProps#getContextClaims() */
        public Builder contextClaims(List<String> claims) {
            props.contextClaims(claims);
            return this;
        }

        /** @see JwtAuthorizerProps#getType() */
        public Builder type(LambdaAuthorizerType type) {
            props.type(type);
            return this;
        }

        /** @see JwtAuthorizerProps#getHeaderName() */
        public Builder headerName(String headerName) {
            props.headerName(headerName);
            return this;
        }

        /** @see JwtAuthorizerProps#getResultsCacheTtl() */
        public Builder resultsCacheTtl(Duration ttl) {
            props.resultsCacheTtl(ttl);
            return this;
        }

        /** @see JwtAuthorizerProps#getSnapStart() */
        public Builder snapStart(Boolean snapStart) {
            props.snapStart(snapStart);
            return this;
        }

        public JwtAuthorizer build() {
            return new JwtAuthorizer(scope, id, props.build());
        }
    }
}
