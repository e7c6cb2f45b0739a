package dev.gatehouse.api;

import dev.gatehouse.Defaults;
import dev.gatehouse.api.internal.CloudFormationValues;
import dev.gatehouse.api.internal.Hashing;
import dev.gatehouse.api.internal.ThrottleCheck;
import dev.gatehouse.api.internal.UsagePlanLimits;
import dev.gatehouse.rules.Finding;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import dev.gatehouse.rules.Severity;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.CfnUsagePlan;
import software.amazon.awscdk.services.apigateway.CfnUsagePlanKey;
import software.constructs.Construct;

/**
 * A usage plan on a {@link GatewayApi}'s stage: throttling and a quota per API key, optionally per
 * route. Made with {@link GatewayApi#addUsagePlan}.
 */
public class GatewayUsagePlan extends Construct {
    private final GatewayApi api;
    private final String subject;
    private final CfnUsagePlan plan;
    private final UsagePlanOptions options;
    private final Set<String> keys = new HashSet<>();
    private final Findings findings = new Findings();

    GatewayUsagePlan(GatewayApi api, String id, UsagePlanOptions options) {
        super(api, id);
        this.api = api;
        this.options = options;
        this.subject = "usage plan '" + id + "'";

        Map<String, Object> routeThrottles = new LinkedHashMap<>();
        Map<String, Throttle> declared = options.getRouteThrottles() != null ? options.getRouteThrottles() : Map.of();
        declared.forEach((route, throttle) -> {
            Optional<String> key = methodThrottleKey(route);
            key.ifPresent(k -> routeThrottles.put(k, throttleProperty(throttle)));
        });
        CfnUsagePlan.ApiStageProperty.Builder stage = CfnUsagePlan.ApiStageProperty.builder()
                .apiId(api.getRestApiId())
                .stage(api.getStageName());
        if (!routeThrottles.isEmpty()) {
            stage.throttle(routeThrottles);
        }
        CfnUsagePlan.Builder builder = CfnUsagePlan.Builder.create(this, "Resource")
                .usagePlanName(options.getName() != null ? options.getName() : id)
                .description(options.getDescription())
                .apiStages(List.of(stage.build()));
        if (options.getThrottle() != null) {
            builder.throttle(throttleProperty(options.getThrottle()));
        }
        Quota quota = options.getQuota();
        if (quota != null) {
            builder.quota(CfnUsagePlan.QuotaSettingsProperty.builder()
                    .limit(quota.getLimit())
                    .period(CloudFormationValues.quotaPeriod(quota.getPeriod()))
                    .offset(quota.getOffset())
                    .build());
        }
        this.plan = builder.build();
        // The stage must exist before a plan can name it.
        plan.getNode().addDependency(api.getCfnStage());

        if (options.getApiKeys() != null) {
            options.getApiKeys().forEach(this::addApiKey);
        }
        getNode().addValidation(this::validate);
    }

    /** Adds an API key to the plan (once; adding it again does nothing). */
    public void addApiKey(GatewayApiKey key) {
        String path = key.getNode().getPath();
        if (!keys.add(path)) {
            return;
        }
        // The logical id follows the key, not the order keys were added in (aws-cdk #11876).
        CfnUsagePlanKey.Builder.create(this, "Key" + Hashing.sha256Hex(path).substring(0, 12))
                .keyId(key.getKeyId())
                .keyType("API_KEY")
                .usagePlanId(plan.getRef())
                .build();
    }

    /** Whether {@code key} was added to this plan. */
    boolean includes(GatewayApiKey key) {
        return keys.contains(key.getNode().getPath());
    }

    public String getUsagePlanId() {
        return plan.getRef();
    }

    public CfnUsagePlan getCfnUsagePlan() {
        return plan;
    }

    /** {@code "GET /orders/{id}"} as a usage plan's method key, {@code "/orders/{id}/GET"}. */
    private static Optional<String> methodThrottleKey(String route) {
        return RouteSpec.parse(route).map(named -> named.path() + "/" + named.method().name());
    }

    /**
     * The fix for a route throttle naming no route: the declared route closest to {@code spec}
     * among those that require an API key (the only ones a plan throttles), or what to do when
     * there is none.
     */
    private String unknownRouteFix(String spec) {
        List<Route> keyed = api.getRoutes().stream()
                .filter(r -> r.getMethod() != null && r.getPath() != null)
                .filter(r -> Objects.requireNonNullElse(r.getOptions().getApiKeyRequired(), Defaults.API_KEY_REQUIRED))
                .toList();
        if (keyed.isEmpty()) {
            return "no route of the API requires an API key, so the plan can throttle none: set apiKeyRequired(true) "
                    + "on the routes to throttle, then name them as declared, e.g. \"GET /orders\".";
        }
        Optional<Route> closest = RouteSpec.parse(spec).flatMap(named -> closestRoute(named, keyed));
        if (closest.isPresent()) {
            return "name the route as declared; the closest that requires an API key is \"" + closest.get() + "\".";
        }
        return "name a route as declared that requires an API key: " + keyed.stream().limit(3)
                .map(r -> "\"" + r + "\"").collect(Collectors.joining(", "))
                + (keyed.size() > 3 ? " (" + (keyed.size() - 3) + " more)" : "") + ".";
    }

    /**
     * The route of {@code routes} most like {@code named}: the same path with variables renamed,
     * then the most leading path segments in common, then the same method; none when a route
     * shares neither a leading segment nor the method.
     */
    static Optional<Route> closestRoute(RouteSpec named, List<Route> routes) {
        List<String> wanted = segments(named.path());
        Route best = null;
        int[] bestScore = null;
        for (Route route : routes) {
            List<String> have = segments(route.getPath());
            boolean sameShape = have.size() == wanted.size() && common(have, wanted) == wanted.size();
            int commonSegments = common(have, wanted);
            boolean sameMethod = route.getMethod() == named.method();
            if (commonSegments == 0 && !sameMethod && !sameShape) {
                continue;
            }
            int[] score = {sameShape ? 1 : 0, commonSegments, sameMethod ? 1 : 0, -Math.abs(have.size() - wanted.size())};
            if (bestScore == null || Arrays.compare(score, bestScore) > 0) {
                best = route;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A path's segments with every variable written {@code {}}. */
    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty())
                .map(s -> s.startsWith("{") ? (s.endsWith("+}") ? "{+}" : "{}") : s).toList();
    }

    private static int common(List<String> a, List<String> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
            n++;
        }
        return n;
    }

    private static CfnUsagePlan.ThrottleSettingsProperty throttleProperty(Throttle throttle) {
        return CfnUsagePlan.ThrottleSettingsProperty.builder()
                .rateLimit(throttle.getRateLimit())
                .burstLimit(throttle.getBurstLimit())
                .build();
    }

    private List<String> validate() {
        Findings all = new Findings();
        all.addAll(findings);
        if (options.getThrottle() != null) {
            ThrottleCheck.check(options.getThrottle(), subject, all);
        }
        Map<String, Throttle> declared = options.getRouteThrottles() != null ? options.getRouteThrottles() : Map.of();
        if (!declared.isEmpty() && options.getThrottle() == null) {
            // API Gateway: "Can not define fine grain throttling if usage plan throttle is not defined."
            all.report(Rules.USAGE_PLAN_SETTINGS, subject, "it throttles routes (" + String.join(", ", declared.keySet())
                            + ") but has no throttle of its own; API Gateway refuses route throttles on such a plan.",
                    "give the plan a throttle too, e.g. UsagePlanOptions.builder().throttle(Throttle.of(100, 200)), "
                            + "at least as high as its route throttles.");
        }
        declared.forEach((spec, throttle) -> {
            Optional<Route> route = api.findRoute(spec);
            if (route.isEmpty()) {
                all.report(Rules.USAGE_PLAN_SETTINGS, subject, "its route throttle names '" + spec
                                + "', which is not a route of the API.", unknownRouteFix(spec));
            } else if (!Objects.requireNonNullElse(route.get().getOptions().getApiKeyRequired(),
                    Defaults.API_KEY_REQUIRED)) {
                all.report(Rules.USAGE_PLAN_SETTINGS, subject, "its route throttle for '" + spec
                                + "' never applies: the route does not require an API key.",
                        "set apiKeyRequired(true) on the route, or remove the throttle.");
            }
            ThrottleCheck.check(throttle, subject + " route '" + spec + "'", all);
        });
        UsagePlanLimits.check(subject, options.getThrottle(), declared, Stack.of(this), all);
        Quota quota = options.getQuota();
        if (quota != null) {
            if (quota.getLimit() < 1) {
                all.report(Rules.USAGE_PLAN_SETTINGS, subject, "its quota allows " + quota.getLimit() + " requests.",
                        "allow at least 1 request per period, e.g. Quota.perMonth(10000).");
            }
            int maxOffset = quota.getPeriod() == QuotaPeriod.WEEK ? 6 : quota.getPeriod() == QuotaPeriod.MONTH ? 27 : 0;
            int offset = quota.getOffset() == null ? 0 : quota.getOffset();
            if (offset < 0 || offset > maxOffset) {
                all.report(Rules.USAGE_PLAN_SETTINGS, subject, "its quota offset " + offset + " does not fit the period "
                                + quota.getPeriod() + ".",
                        "use an offset from 0 to " + maxOffset + ".");
            }
        }
        for (Finding warning : all.withSeverity(Severity.WARNING)) {
            Annotations.of(this).addWarningV2("@gatehouse/" + warning.getRule().getId(), warning.getMessage());
        }
        return all.withSeverity(Severity.ERROR).stream().map(Finding::getMessage).toList();
    }
}
