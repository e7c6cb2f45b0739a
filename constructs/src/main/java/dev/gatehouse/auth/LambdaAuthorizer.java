package dev.gatehouse.auth;

import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.AuthorizationConfig;
import dev.gatehouse.api.AuthorizationContext;
import dev.gatehouse.api.internal.SnapStartTargets;
import dev.gatehouse.auth.internal.LambdaAuthorizerScheme;
import dev.gatehouse.rules.Rules;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.IFunction;

/**
 * A Lambda authorizer backed by your own function: TOKEN (one header) or REQUEST (identity
 * sources from headers, query string, stage variables, context).
 *
 * <pre>{@code
 * LambdaAuthorizer authorizer = LambdaAuthorizer.token(fn).resultsCacheTtl(Duration.minutes(5)).build();
 * api.route("GET /orders", integration, RouteOptions.of(authorizer.authorization()));
 * }</pre>
 *
 * <p>The function must return an IAM policy for {@code execute-api:Invoke}. With result caching,
 * that policy is reused for every route the same identity calls, so it must cover all of them.
 */
public final class LambdaAuthorizer {
    /** API Gateway's default result cache TTL, in seconds. */
    public static final int DEFAULT_TTL_SECONDS = 300;

    private final IFunction handler;
    private final String name;
    private final LambdaAuthorizerScheme.Settings settings;
    private final Authorization authorization;

    private LambdaAuthorizer(Builder b) {
        this.handler = b.handler;
        this.name = b.name != null ? b.name : b.handler.getNode().getId() + "Authorizer";
        int ttl = b.resultsCacheTtl == null ? DEFAULT_TTL_SECONDS : b.resultsCacheTtl.toSeconds().intValue();
        List<String> sources = b.identitySources != null ? b.identitySources
                : b.type == LambdaAuthorizerType.REQUEST ? List.of(IdentitySources.header("Authorization")) : List.of();
        this.settings = new LambdaAuthorizerScheme.Settings(b.type, b.headerName, sources, ttl, b.validationRegex);
        this.authorization = Authorization.requiring("Lambda authorizer " + name, this::bind);
    }

    private AuthorizationConfig bind(AuthorizationContext context) {
        if (!context.hasSecurityScheme(this)) {
            LambdaAuthorizerScheme.check(settings).forEach(p -> context.report(p.rule(),
                    "its authorizer '" + name + "': " + p.problem(), p.fix()));
            if (SnapStartTargets.unqualifiedWithSnapStart(handler)) {
                context.report(Rules.SNAPSTART_QUALIFIER, "its authorizer '" + name + "' invokes the function '"
                        + handler.getNode().getPath() + "', which has SnapStart on, unqualified: it runs without SnapStart.",
                        "give the authorizer an alias of its current version, created once and reused (Alias live = "
                                + "fn.addAlias(\"live\"); LambdaAuthorizer."
                                + settings.type().name().toLowerCase(java.util.Locale.ROOT) + "(live)), "
                                + "or fn.getCurrentVersion().");
            }
            context.getApi().allowAuthorizerInvoke(handler);
        }
        String scheme = context.securityScheme(this, name,
                () -> LambdaAuthorizerScheme.render(settings, handler.getFunctionArn()));
        return AuthorizationConfig.of(scheme, List.of());
    }

    /** An authorizer that receives the token from one header. */
    public static Builder token(IFunction handler) {
        return new Builder(handler, LambdaAuthorizerType.TOKEN);
    }

    /** An authorizer that receives the request's identity sources. */
    public static Builder request(IFunction handler) {
        return new Builder(handler, LambdaAuthorizerType.REQUEST);
    }

    /** The authorization routes use to require this authorizer. */
    public Authorization authorization() {
        return authorization;
    }

    public IFunction getHandler() {
        return handler;
    }

    /** Builds a {@link LambdaAuthorizer}. */
    public static final class Builder {
        private final IFunction handler;
        private final LambdaAuthorizerType type;
        private String name;
        private String headerName = "Authorization";
        private String validationRegex;
        private List<String> identitySources;
        private Duration resultsCacheTtl;

        private Builder(IFunction handler, LambdaAuthorizerType type) {
            this.handler = Objects.requireNonNull(handler, "handler");
            this.type = type;
        }

        /**
         * Name of the security scheme in the OpenAPI document.
         *
         * @param name default: the function's construct id + "Authorizer"
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * TOKEN only: the header carrying the token.
         *
         * @param headerName default: Authorization
         */
        public Builder headerName(String headerName) {
            requireType(LambdaAuthorizerType.TOKEN, "headerName");
            this.headerName = headerName;
            return this;
        }

        /**
         * TOKEN only: a regular expression the token must match, checked by API Gateway before
         * the function is invoked (non-matching tokens get 401 without an invocation).
         *
         * @param validationRegex default: none
         */
        public Builder validationRegex(String validationRegex) {
            requireType(LambdaAuthorizerType.TOKEN, "validationRegex");
            this.validationRegex = validationRegex;
            return this;
        }

        /**
         * REQUEST only: identity sources, e.g. {@code IdentitySources.header("Authorization")}; they
         * must all be present or API Gateway answers 401, and they key the result cache.
         *
         * @param identitySources default: the Authorization header
         */
        public Builder identitySources(String... identitySources) {
            requireType(LambdaAuthorizerType.REQUEST, "identitySources");
            this.identitySources = List.of(identitySources);
            return this;
        }

        /**
         * How long API Gateway caches the function's answer (0 to 1 hour; zero turns it off).
         *
         * @param resultsCacheTtl default: {@value LambdaAuthorizer#DEFAULT_TTL_SECONDS} seconds
         */
        public Builder resultsCacheTtl(Duration resultsCacheTtl) {
            this.resultsCacheTtl = resultsCacheTtl;
            return this;
        }

        public LambdaAuthorizer build() {
            return new LambdaAuthorizer(this);
        }

        private void requireType(LambdaAuthorizerType required, String option) {
            if (type != required) {
                throw new IllegalArgumentException("LambdaAuthorizer for '" + handler.getNode().getPath() + "': "
                        + option + " applies to " + required + " authorizers only; this one is " + type + ".");
            }
        }
    }
}
