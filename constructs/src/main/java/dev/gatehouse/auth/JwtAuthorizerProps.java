package dev.gatehouse.auth;

import java.util.List;
import software.amazon.awscdk.Duration;

/** Properties of a {@link JwtAuthorizer}. */
public interface JwtAuthorizerProps {

    /** The token issuer; the {@code iss} claim must equal it exactly. Required. */
    String getIssuer();

    /**
     * Where the issuer publishes its signing keys (https).
     *
     * @default the issuer + {@code /.well-known/jwks.json}
     */
    default String getJwksUrl() {
        return null;
    }

    /**
     * Accepted audiences; the {@code aud} claim must contain one of them. Required unless
     * {@link #getDisableAudienceCheck()} is true.
     *
     * @default none
     */
    default List<String> getAudiences() {
        return null;
    }

    /**
     * Skip the audience check. Only for issuers whose tokens carry no audience; any token of the
     * issuer is then accepted.
     *
     * @default false
     */
    default Boolean getDisableAudienceCheck() {
        return null;
    }

    /**
     * Accepted signature algorithms.
     *
     * @default RS256
     */
    default List<JwtAlgorithm> getAlgorithms() {
        return null;
    }

    /**
     * Tolerated clock difference for {@code exp}, {@code nbf} and {@code iat} (0 to 60 seconds).
     *
     * @default 60 seconds
     */
    default Duration getClockSkew() {
        return null;
    }

    /**
     * Claims copied into the authorizer context (string, number and boolean values only), next to
     * {@code sub} and {@code scope}; integrations read them as {@code $context.authorizer.<claim>}.
     *
     * @default none
     */
    default List<String> getContextClaims() {
        return null;
    }

    /**
     * TOKEN (the token header only; cached per token) or REQUEST (cached per token and route).
     *
     * @default TOKEN
     */
    default LambdaAuthorizerType getType() {
        return null;
    }

    /**
     * Header carrying {@code Bearer <token>}.
     *
     * @default Authorization
     */
    default String getHeaderName() {
        return null;
    }

    /**
     * How long API Gateway caches a decision (0 to 1 hour). The authorizer's policy covers every
     * route of the caller, so caching is safe; 0 turns it off.
     *
     * @default 5 minutes
     */
    default Duration getResultsCacheTtl() {
        return null;
    }

    /**
     * Lambda SnapStart for the authorizer function (API Gateway then invokes the alias
     * {@value dev.gatehouse.Defaults#HANDLER_ALIAS} of its current version).
     *
     * @default true
     */
    default Boolean getSnapStart() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link JwtAuthorizerProps}. */
    final class Builder {
        String issuer;
        String jwksUrl;
        List<String> audiences;
        Boolean disableAudienceCheck;
        List<JwtAlgorithm> algorithms;
        Duration clockSkew;
        List<String> contextClaims;
        LambdaAuthorizerType type;
        String headerName;
        Duration resultsCacheTtl;
        Boolean snapStart;

        private Builder() {
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder jwksUrl(String jwksUrl) {
            this.jwksUrl = jwksUrl;
            return this;
        }

        public Builder audiences(List<String> audiences) {
            this.audiences = audiences;
            return this;
        }

        public Builder disableAudienceCheck(Boolean disableAudienceCheck) {
            this.disableAudienceCheck = disableAudienceCheck;
            return this;
        }

        public Builder algorithms(List<JwtAlgorithm> algorithms) {
            this.algorithms = algorithms;
            return this;
        }

        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
            return this;
        }

        public Builder contextClaims(List<String> contextClaims) {
            this.contextClaims = contextClaims;
            return this;
        }

        public Builder type(LambdaAuthorizerType type) {
            this.type = type;
            return this;
        }

        public Builder headerName(String headerName) {
            this.headerName = headerName;
            return this;
        }

        public Builder resultsCacheTtl(Duration resultsCacheTtl) {
            this.resultsCacheTtl = resultsCacheTtl;
            return this;
        }

        public Builder snapStart(Boolean snapStart) {
            this.snapStart = snapStart;
            return this;
        }

        public JwtAuthorizerProps build() {
            return new JwtAuthorizerPropsValue(this);
        }
    }
}

final class JwtAuthorizerPropsValue implements JwtAuthorizerProps {
    private final String issuer;
    private final String jwksUrl;
    private final List<String> audiences;
    private final Boolean disableAudienceCheck;
    private final List<JwtAlgorithm> algorithms;
    private final Duration clockSkew;
    private final List<String> contextClaims;
    private final LambdaAuthorizerType type;
    private final String headerName;
    private final Duration resultsCacheTtl;
    private final Boolean snapStart;

    JwtAuthorizerPropsValue(JwtAuthorizerProps.Builder b) {
        this.issuer = b.issuer;
        this.jwksUrl = b.jwksUrl;
        this.audiences = b.audiences == null ? null : List.copyOf(b.audiences);
        this.disableAudienceCheck = b.disableAudienceCheck;
        this.algorithms = b.algorithms == null ? null : List.copyOf(b.algorithms);
        this.clockSkew = b.clockSkew;
        this.contextClaims = b.contextClaims == null ? null : List.copyOf(b.contextClaims);
        this.type = b.type;
        this.headerName = b.headerName;
        this.resultsCacheTtl = b.resultsCacheTtl;
        this.snapStart = b.snapStart;
    }

    @Override public String getIssuer() { return issuer; }
    @Override public String getJwksUrl() { return jwksUrl; }
    @Override public List<String> getAudiences() { return audiences; }
    @Override public Boolean getDisableAudienceCheck() { return disableAudienceCheck; }
    @Override public List<JwtAlgorithm> getAlgorithms() { return algorithms; }
    @Override public Duration getClockSkew() { return clockSkew; }
    @Override public List<String> getContextClaims() { return contextClaims; }
    @Override public LambdaAuthorizerType getType() { return type; }
    @Override public String getHeaderName() { return headerName; }
    @Override public Duration getResultsCacheTtl() { return resultsCacheTtl; }
    @Override public Boolean getSnapStart() { return snapStart; }
}
