package dev.gatehouse.api.internal;

import dev.gatehouse.Defaults;
import dev.gatehouse.api.CacheSettings;
import dev.gatehouse.api.StageSettings;
import dev.gatehouse.api.UnauthorizedCacheControl;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.TimeConversionOptions;

/**
 * A stage's caching: the cache cluster, the stage-wide settings every route starts from, and
 * flushing on deploy, checked once (rules GH600, GH601, GH602, GH607). Routes resolve their own
 * settings against it ({@link RouteCaching}).
 */
public final class StageCaching {
    /** API Gateway's cache cluster sizes, in gigabytes, as CloudFormation's CacheClusterSize names them. */
    public static final List<String> CLUSTER_SIZES = List.of("0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237");
    /** The longest TTL API Gateway accepts, in seconds. */
    public static final int MAX_TTL_SECONDS = 3600;

    /**
     * One method's effective cache settings, as a MethodSettings entry holds them (the two
     * invalidation settings are applied by the stage's cache custom resource: CloudFormation's
     * MethodSetting has no property for them).
     */
    public record Behaviour(boolean enabled, int ttlSeconds, boolean encrypted, boolean requireAuthorization,
            UnauthorizedCacheControl unauthorized) {
        /** The same settings with caching off (the other methods of an ANY route). */
        public Behaviour off() {
            return new Behaviour(false, ttlSeconds, encrypted, requireAuthorization, unauthorized);
        }
    }

    private final String clusterSize;
    private final Behaviour stageWide;
    private final boolean flushOnDeploy;
    private final String subject;
    private final Findings findings;

    /**
     * @throws IllegalArgumentException when the stage's caching holds route-only settings
     */
    public StageCaching(StageSettings stage, String subject, Findings findings) {
        this.subject = subject;
        this.findings = findings;
        String size = stage.getCacheClusterSize();
        if (size != null && !CLUSTER_SIZES.contains(size)) {
            findings.report(Rules.CACHE_CLUSTER_SIZE, subject, "the cache cluster size '" + size
                    + "' is not one of API Gateway's sizes.", "use one of " + String.join(", ", CLUSTER_SIZES)
                    + " (gigabytes, as text), e.g. cacheClusterSize(\"0.5\").");
        }
        this.clusterSize = size;
        CacheSettings caching = stage.getCaching() != null ? stage.getCaching() : CacheSettings.builder().build();
        if (caching.getKey() != null || caching.getSharedAcrossCallers() != null) {
            throw new IllegalArgumentException(subject + ": key and sharedAcrossCallers are settings of a route's "
                    + "caching (RouteOptions.caching), not of the stage's. Move them to the routes they concern.");
        }
        this.stageWide = new Behaviour(
                Objects.requireNonNullElse(caching.getEnabled(), Defaults.CACHE_GET_ROUTES),
                ttlSeconds(caching.getTtl(), Defaults.CACHE_TTL_SECONDS, subject),
                Objects.requireNonNullElse(caching.getDataEncrypted(), Defaults.CACHE_DATA_ENCRYPTED),
                Objects.requireNonNullElse(caching.getRequireAuthorizationForCacheControl(),
                        Defaults.CACHE_REQUIRE_AUTHORIZATION_FOR_CACHE_CONTROL),
                Objects.requireNonNullElse(caching.getUnauthorizedCacheControl(), Defaults.UNAUTHORIZED_CACHE_CONTROL));
        this.flushOnDeploy = Objects.requireNonNullElse(stage.getFlushCacheOnDeploy(), Defaults.FLUSH_CACHE_ON_DEPLOY);
        if (stageWide.enabled() && !hasCluster()) {
            reportNoCluster(subject, "caching is on for the stage's GET routes");
        }
        if (flushOnDeploy && !hasCluster()) {
            reportNoCluster(subject, "flushCacheOnDeploy is on");
        }
        if (caching.getRequireAuthorizationForCacheControl() != null) {
            warnIfInvalidationIsOpen(stageWide, subject);
        }
    }

    /** True when the stage has a cache cluster (of any size: a wrong size is reported, GH600). */
    public boolean hasCluster() {
        return clusterSize != null;
    }

    /** The cluster size as CloudFormation takes it, or null without a cluster. */
    public String clusterSize() {
        return clusterSize;
    }

    /** The stage-wide settings: those of GET routes that say nothing, and what routes override. */
    public Behaviour stageWide() {
        return stageWide;
    }

    public boolean flushOnDeploy() {
        return flushOnDeploy;
    }

    /** A route's settings: the route's own over the stage's, checked (GH601, GH602, GH607). */
    Behaviour resolve(CacheSettings route, boolean cachedByStage, String routeSubject) {
        if (route == null) {
            return cachedByStage ? stageWide : stageWide.off();
        }
        Behaviour behaviour = new Behaviour(
                route.getEnabled() != null ? route.getEnabled() : cachedByStage,
                route.getTtl() != null ? ttlSeconds(route.getTtl(), stageWide.ttlSeconds(), routeSubject) : stageWide.ttlSeconds(),
                Objects.requireNonNullElse(route.getDataEncrypted(), stageWide.encrypted()),
                Objects.requireNonNullElse(route.getRequireAuthorizationForCacheControl(), stageWide.requireAuthorization()),
                Objects.requireNonNullElse(route.getUnauthorizedCacheControl(), stageWide.unauthorized()));
        if (behaviour.enabled() && !hasCluster()) {
            reportNoCluster(routeSubject, "its caching is on");
        }
        if (route.getRequireAuthorizationForCacheControl() != null) {
            warnIfInvalidationIsOpen(behaviour, routeSubject);
        }
        return behaviour;
    }

    private void reportNoCluster(String where, String what) {
        findings.report(Rules.CACHE_WITHOUT_CLUSTER, where, what + ", but " + subject + " has no cache cluster "
                        + "(Gatehouse does not create one implicitly: it is billed by the hour).",
                "give the stage a cluster, e.g. StageSettings.builder().cacheClusterSize(\"0.5\"), or turn caching off.");
    }

    private void warnIfInvalidationIsOpen(Behaviour behaviour, String where) {
        if (!behaviour.requireAuthorization()) {
            findings.report(Rules.CACHE_INVALIDATION, where, "requireAuthorizationForCacheControl is false: any "
                            + "client can invalidate cached responses with Cache-Control: max-age=0.",
                    "leave it on (the default) and grant execute-api:InvalidateCache to the callers that may "
                            + "invalidate (api.grantInvalidateCache(role, \"GET /path\")).");
        }
    }

    /** Whole seconds from 0 to {@value #MAX_TTL_SECONDS} (rule GH601); {@code fallback} when null or unusable. */
    private int ttlSeconds(Duration ttl, int fallback, String where) {
        if (ttl == null) {
            return fallback;
        }
        double millis = ttl.toMilliseconds(TimeConversionOptions.builder().integral(false).build()).doubleValue();
        if (millis % 1000 != 0 || millis < 0 || millis > MAX_TTL_SECONDS * 1000.0) {
            findings.report(Rules.CACHE_TTL, where, "the cache TTL " + ttl.toHumanString()
                            + " is not a whole number of seconds from 0 to " + MAX_TTL_SECONDS + ".",
                    "choose 0 (no caching) to " + MAX_TTL_SECONDS + " seconds, e.g. Duration.minutes(5).");
            return fallback;
        }
        return (int) (millis / 1000);
    }
}
