package dev.gatehouse.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Options of a usage plan on a {@link GatewayApi}'s stage. */
public interface UsagePlanOptions {

    /**
     * Name of the usage plan.
     *
     * @default the construct id
     */
    default String getName() {
        return null;
    }

    /**
     * Description of the usage plan.
     *
     * @default none
     */
    default String getDescription() {
        return null;
    }

    /**
     * Throttling per API key, for every route of the stage.
     *
     * @default no plan-level throttling (stage and account limits apply)
     */
    default Throttle getThrottle() {
        return null;
    }

    /**
     * Requests per API key per day, week or month, e.g. {@code Quota.perMonth(100_000)}.
     *
     * @default no quota
     */
    default Quota getQuota() {
        return null;
    }

    /**
     * Throttling per API key for single routes, keyed by the route as declared
     * ({@code "GET /orders/{id}"}). Each must be a route of the API that requires an API key.
     *
     * @default none
     */
    default Map<String, Throttle> getRouteThrottles() {
        return null;
    }

    /**
     * API keys of the plan: keys made with {@link GatewayApi#addApiKey} or imported with
     * {@link GatewayApiKey#fromKeyId}. More can be added with {@link GatewayUsagePlan#addApiKey}.
     *
     * @default none
     */
    default List<GatewayApiKey> getApiKeys() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link UsagePlanOptions}. */
    final class Builder {
        String name;
        String description;
        Throttle throttle;
        Quota quota;
        final Map<String, Throttle> routeThrottles = new LinkedHashMap<>();
        List<GatewayApiKey> apiKeys;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder throttle(Throttle throttle) {
            this.throttle = throttle;
            return this;
        }

        public Builder quota(Quota quota) {
            this.quota = quota;
            return this;
        }

        /** Adds a throttle for one route, e.g. {@code routeThrottle("GET /orders", Throttle.of(5, 10))}. */
        public Builder routeThrottle(String route, Throttle throttle) {
            routeThrottles.put(route, throttle);
            return this;
        }

        public Builder apiKeys(List<GatewayApiKey> apiKeys) {
            this.apiKeys = apiKeys;
            return this;
        }

        public UsagePlanOptions build() {
            return new UsagePlanOptionsValue(this);
        }
    }
}

final class UsagePlanOptionsValue implements UsagePlanOptions {
    private final String name;
    private final String description;
    private final Throttle throttle;
    private final Quota quota;
    private final Map<String, Throttle> routeThrottles;
    private final List<GatewayApiKey> apiKeys;

    UsagePlanOptionsValue(UsagePlanOptions.Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.throttle = b.throttle;
        this.quota = b.quota;
        this.routeThrottles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.routeThrottles));
        this.apiKeys = b.apiKeys == null ? null : List.copyOf(b.apiKeys);
    }

    @Override public String getName() { return name; }
    @Override public String getDescription() { return description; }
    @Override public Throttle getThrottle() { return throttle; }
    @Override public Quota getQuota() { return quota; }
    @Override public Map<String, Throttle> getRouteThrottles() { return routeThrottles; }
    @Override public List<GatewayApiKey> getApiKeys() { return apiKeys; }
}
