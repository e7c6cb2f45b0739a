package dev.gatehouse.api;

import java.util.List;
import software.amazon.awscdk.Duration;

/**
 * Response caching, for a whole stage ({@link StageSettings#getCaching()}) or one route
 * ({@link RouteOptions#getCaching()}). A route's settings override the stage's one by one; what a
 * route leaves out comes from the stage, then from {@link dev.gatehouse.Defaults}.
 *
 * <p>Caching needs the stage's cache cluster ({@link StageSettings#getCacheClusterSize()}). A
 * cached route behind an authorization that identifies callers (JWT, Cognito, Lambda, IAM) must
 * key its cache by the caller ({@link CacheKey#caller()}) or declare its responses the same for
 * every caller ({@link #getSharedAcrossCallers()}): otherwise one caller's response would be
 * served to the next (rule GH605). See docs/caching.md.
 *
 * <pre>{@code
 * RouteOptions.builder()
 *         .authorization(jwt.authorization())
 *         .caching(CacheSettings.builder().enabled(true).ttl(Duration.minutes(1)).key(CacheKey.caller()).build())
 *         .build()
 * }</pre>
 */
public interface CacheSettings {

    /**
     * On a route: cache its responses. On the stage: cache every GET route that does not say
     * otherwise (API Gateway's stage-wide setting, which applies to GET methods only; other
     * methods are cached only when their route opts in).
     *
     * @default on a route, the stage's setting for GET routes (and for the GET requests of an ANY
     *     route), off for other methods; on the stage,
     *     {@value dev.gatehouse.Defaults#CACHE_GET_ROUTES}
     */
    default Boolean getEnabled() {
        return null;
    }

    /**
     * How long a cached response is served, 0 to 3600 whole seconds (rule GH601); 0 caches nothing.
     *
     * @default the stage's, else {@value dev.gatehouse.Defaults#CACHE_TTL_SECONDS} seconds
     */
    default Duration getTtl() {
        return null;
    }

    /**
     * Encrypt cached responses at rest.
     *
     * @default the stage's, else {@value dev.gatehouse.Defaults#CACHE_DATA_ENCRYPTED}
     */
    default Boolean getDataEncrypted() {
        return null;
    }

    /**
     * Route only: the parts of the cache key besides the route's path variables (which are always
     * in it): query string parameters, headers, and the caller's identity. Giving it on the stage
     * throws.
     *
     * @default the path variables alone
     */
    default List<CacheKey> getKey() {
        return null;
    }

    /**
     * Route only: the route's responses are the same for every caller, so callers may share cached
     * responses although the route's authorization identifies them (public catalog data behind a
     * token, for example). Contradicts {@link CacheKey#caller()} in the key (throws); giving it on
     * the stage throws.
     *
     * @default false: a cached route behind an authorization that identifies callers needs
     *     {@link CacheKey#caller()} in its key (rule GH605)
     */
    default Boolean getSharedAcrossCallers() {
        return null;
    }

    /**
     * Only callers with {@code execute-api:InvalidateCache} on the route
     * ({@link GatewayApi#grantInvalidateCache}) may invalidate a cached response with
     * {@code Cache-Control: max-age=0}; otherwise any client can, and by sending it on every request
     * turn the cache off and load the backend. Turning it off is a warning (rule GH607).
     *
     * @default the stage's, else
     *     {@value dev.gatehouse.Defaults#CACHE_REQUIRE_AUTHORIZATION_FOR_CACHE_CONTROL}
     */
    default Boolean getRequireAuthorizationForCacheControl() {
        return null;
    }

    /**
     * What an unauthorized invalidation request gets, when invalidation requires authorization.
     *
     * @default the stage's, else {@link dev.gatehouse.Defaults#UNAUTHORIZED_CACHE_CONTROL} (403)
     */
    default UnauthorizedCacheControl getUnauthorizedCacheControl() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CacheSettings}. */
    final class Builder {
        Boolean enabled;
        Duration ttl;
        Boolean dataEncrypted;
        List<CacheKey> key;
        Boolean sharedAcrossCallers;
        Boolean requireAuthorizationForCacheControl;
        UnauthorizedCacheControl unauthorizedCacheControl;

        private Builder() {
        }

        public Builder enabled(Boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder ttl(Duration ttl) {
            this.ttl = ttl;
            return this;
        }

        public Builder dataEncrypted(Boolean dataEncrypted) {
            this.dataEncrypted = dataEncrypted;
            return this;
        }

        public Builder key(List<CacheKey> key) {
            this.key = key == null ? null : List.copyOf(key);
            return this;
        }

        public Builder key(CacheKey... key) {
            return key(List.of(key));
        }

        public Builder sharedAcrossCallers(Boolean sharedAcrossCallers) {
            this.sharedAcrossCallers = sharedAcrossCallers;
            return this;
        }

        public Builder requireAuthorizationForCacheControl(Boolean requireAuthorizationForCacheControl) {
            this.requireAuthorizationForCacheControl = requireAuthorizationForCacheControl;
            return this;
        }

        public Builder unauthorizedCacheControl(UnauthorizedCacheControl unauthorizedCacheControl) {
            this.unauthorizedCacheControl = unauthorizedCacheControl;
            return this;
        }

        /**
         * @throws IllegalArgumentException when the key holds {@link CacheKey#caller()} and the
         *     responses are also declared shared across callers
         */
        public CacheSettings build() {
            if (Boolean.TRUE.equals(sharedAcrossCallers) && key != null && key.contains(CacheKey.caller())) {
                throw new IllegalArgumentException("CacheSettings: sharedAcrossCallers(true) says every caller may get "
                        + "the same cached response, and key(CacheKey.caller()) gives each caller their own. Keep one.");
            }
            return new CacheSettingsValue(this);
        }
    }
}

final class CacheSettingsValue implements CacheSettings {
    private final Boolean enabled;
    private final Duration ttl;
    private final Boolean dataEncrypted;
    private final List<CacheKey> key;
    private final Boolean sharedAcrossCallers;
    private final Boolean requireAuthorizationForCacheControl;
    private final UnauthorizedCacheControl unauthorizedCacheControl;

    CacheSettingsValue(CacheSettings.Builder b) {
        this.enabled = b.enabled;
        this.ttl = b.ttl;
        this.dataEncrypted = b.dataEncrypted;
        this.key = b.key;
        this.sharedAcrossCallers = b.sharedAcrossCallers;
        this.requireAuthorizationForCacheControl = b.requireAuthorizationForCacheControl;
        this.unauthorizedCacheControl = b.unauthorizedCacheControl;
    }

    @Override public Boolean getEnabled() { return enabled; }
    @Override public Duration getTtl() { return ttl; }
    @Override public Boolean getDataEncrypted() { return dataEncrypted; }
    @Override public List<CacheKey> getKey() { return key; }
    @Override public Boolean getSharedAcrossCallers() { return sharedAcrossCallers; }
    @Override public Boolean getRequireAuthorizationForCacheControl() { return requireAuthorizationForCacheControl; }
    @Override public UnauthorizedCacheControl getUnauthorizedCacheControl() { return unauthorizedCacheControl; }

    @Override
    public String toString() {
        return "CacheSettings(enabled=" + enabled + ", ttl=" + (ttl == null ? null : ttl.toHumanString())
                + ", key=" + key + ", sharedAcrossCallers=" + sharedAcrossCallers + ")";
    }
}
