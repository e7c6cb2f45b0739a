package dev.gatehouse.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.GatewayApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a route's authorization identifies callers, read from its security schemes: the request
 * parameters that carry the identity (what {@code CacheKey.caller()} adds to a cache key), whether
 * it is SigV4, and a description for messages.
 *
 * @param parts the request parameters; empty when the authorization only uses context or stage
 *     variables (or a REQUEST authorizer has no identity source)
 */
record CallerIdentity(List<Parameter> parts, boolean sigV4, String description) {

    /** A method request parameter: where it is read from ({@code path}, {@code querystring}, {@code header}) and its name. */
    record Parameter(String in, String name) {
        String expression() {
            return "method.request." + in + "." + name;
        }

        /** The same parameter; header names compare without case, as HTTP does. */
        boolean sameAs(Parameter other) {
            return in.equals(other.in) && (in.equals("header") ? name.equalsIgnoreCase(other.name) : name.equals(other.name));
        }
    }

    /**
     * The identity of a route's callers according to its security requirement (scheme name to
     * scopes), or null when the route is public. An API key alone identifies a usage plan's
     * client, not a user: it is not a caller identity here.
     */
    static CallerIdentity of(Map<String, List<String>> security, SecuritySchemes schemes) {
        Map<String, Parameter> parts = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        boolean sigV4 = false;
        for (String name : security.keySet()) {
            ObjectNode scheme = schemes.all().get(name);
            if (scheme == null || GatewayApi.API_KEY_SCHEME.equals(name) && !scheme.has("x-amazon-apigateway-authtype")) {
                continue;
            }
            names.add("'" + name + "'");
            String type = scheme.path("x-amazon-apigateway-authtype").asText("");
            JsonNode authorizer = scheme.path("x-amazon-apigateway-authorizer");
            if (type.equals("awsSigv4")) {
                sigV4 = true;
                put(parts, new Parameter("header", "Authorization"));
            } else if (type.equals("custom") && authorizer.path("type").asText("").equalsIgnoreCase("request")) {
                for (String source : authorizer.path("identitySource").asText("").split(",")) {
                    Parameter parameter = identitySource(source.trim());
                    if (parameter != null) {
                        put(parts, parameter);
                    }
                }
            } else if (scheme.path("in").asText("header").equals("query")) {
                put(parts, new Parameter("querystring", scheme.path("name").asText()));
            } else {
                // a token in a header: Cognito, TOKEN authorizers (the bundled JWT authorizer is one)
                put(parts, new Parameter("header", scheme.path("name").asText("Authorization")));
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        String description = sigV4 && names.size() == 1 ? "IAM authorization (SigV4)"
                : "the authorizer" + (names.size() > 1 ? "s " : " ") + String.join(" and ", names);
        return new CallerIdentity(List.copyOf(parts.values()), sigV4, description);
    }

    private static void put(Map<String, Parameter> parts, Parameter parameter) {
        String key = parameter.in() + "." + (parameter.in().equals("header")
                ? parameter.name().toLowerCase(Locale.ROOT) : parameter.name());
        parts.putIfAbsent(key, parameter);
    }

    /** A REQUEST authorizer's identity source as a request parameter, or null for context and stage variables. */
    private static Parameter identitySource(String source) {
        String[] parts = source.split("\\.", 4);
        if (parts.length < 4 || !parts[0].equals("method") || !parts[1].equals("request")) {
            return null;
        }
        return switch (parts[2]) {
            case "header", "multivalueheader" -> new Parameter("header", parts[3]);
            case "querystring", "multivaluequerystring" -> new Parameter("querystring", parts[3]);
            default -> null;
        };
    }
}
