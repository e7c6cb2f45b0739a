package dev.gatehouse.api.internal;

import dev.gatehouse.Defaults;
import dev.gatehouse.api.CorsPolicy;
import dev.gatehouse.api.HttpMethod;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.util.ArrayList;
import java.util.List;

/** An API's CORS options, checked (rules GH420, GH421) and resolved for rendering. */
public final class CorsSettings {
    private final CorsRendering.Settings rendering;
    private final List<HttpMethod> allowMethods;

    private CorsSettings(CorsRendering.Settings rendering, List<HttpMethod> allowMethods) {
        this.rendering = rendering;
        this.allowMethods = allowMethods;
    }

    /** The settings of {@code options}, or null for an API without CORS; problems go to {@code findings}. */
    public static CorsSettings of(CorsPolicy options, String apiName, Findings findings) {
        if (options == null) {
            return null;
        }
        String subject = "GatewayApi '" + apiName + "' CORS";
        List<String> origins = options.getAllowOrigins() != null ? options.getAllowOrigins() : List.of();
        boolean credentials = options.getAllowCredentials() != null
                ? options.getAllowCredentials() : Defaults.CORS_ALLOW_CREDENTIALS;
        if (origins.isEmpty()) {
            findings.report(Rules.CORS_SETTINGS, subject, "no origin is allowed.",
                    "list the browser origins of your clients, e.g. allowOrigins(List.of(\"https://app.example.com\")).");
        }
        for (String origin : origins) {
            if (!origin.equals("*") && !CorsRendering.ORIGIN.matcher(origin).matches()) {
                findings.report(Rules.CORS_SETTINGS, subject, "the origin '" + origin + "' is not scheme://host[:port].",
                        "write origins as browsers send them, e.g. https://app.example.com (no path, no trailing '/').");
            }
        }
        if (credentials && origins.contains("*")) {
            findings.report(Rules.CORS_CREDENTIALS, subject, "allowCredentials is true with origin '*'.",
                    "list the exact origins that may send credentials, or turn allowCredentials off.");
        }
        List<String> headers = options.getAllowHeaders() != null ? options.getAllowHeaders() : Defaults.CORS_ALLOW_HEADERS;
        List<String> expose = options.getExposeHeaders() != null ? options.getExposeHeaders() : List.of();
        List<String> named = new ArrayList<>(headers);
        named.addAll(expose);
        for (String header : named) {
            if (!HttpTokens.HEADER_NAME.matcher(header).matches()) {
                findings.report(Rules.CORS_SETTINGS, subject, "'" + header + "' is not an HTTP header name.",
                        "use header names such as Content-Type or X-Request-Id.");
            }
        }
        if (options.getAllowMethods() != null && options.getAllowMethods().contains(HttpMethod.ANY)) {
            findings.report(Rules.CORS_SETTINGS, subject, "ANY is not a method a browser can be told about.",
                    "list the methods, e.g. allowMethods(List.of(HttpMethod.GET, HttpMethod.POST)).");
        }
        long maxAge = options.getMaxAge() != null
                ? options.getMaxAge().toSeconds().longValue() : Defaults.CORS_MAX_AGE_SECONDS;
        return new CorsSettings(new CorsRendering.Settings(origins, headers, expose, credentials, maxAge),
                options.getAllowMethods());
    }

    /** What the preflight operations and gateway responses are rendered from. */
    public CorsRendering.Settings rendering() {
        return rendering;
    }

    /**
     * The methods a preflight on a path announces, given the methods declared on it: the allowed
     * methods if set; for ANY, every method but ANY and OPTIONS; else the declared ones. OPTIONS is
     * always among them.
     */
    public List<String> announcedMethods(Iterable<HttpMethod> declared, boolean declaresAny) {
        List<String> announced = new ArrayList<>();
        if (allowMethods != null) {
            allowMethods.forEach(m -> announced.add(m.name()));
        } else if (declaresAny) {
            for (HttpMethod m : HttpMethod.values()) {
                if (m != HttpMethod.ANY && m != HttpMethod.OPTIONS) {
                    announced.add(m.name());
                }
            }
        } else {
            declared.forEach(m -> announced.add(m.name()));
        }
        if (!announced.contains("OPTIONS")) {
            announced.add("OPTIONS");
        }
        return announced;
    }
}
