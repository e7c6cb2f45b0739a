package dev.gatehouse.api;

import java.util.Locale;
import java.util.Optional;

/** The HTTP methods a REST API route can be declared for. */
public enum HttpMethod {
    GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS,
    /** Every method not declared explicitly on the same path. */
    ANY;

    /** Parses a method name in any case, or empty if it is not one of the above. */
    public static Optional<HttpMethod> parse(String name) {
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The key of this method's operation in an OpenAPI path item. */
    public String openApiKey() {
        return this == ANY ? "x-amazon-apigateway-any-method" : name().toLowerCase(Locale.ROOT);
    }
}
