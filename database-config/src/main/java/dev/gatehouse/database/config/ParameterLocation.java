package dev.gatehouse.database.config;

import java.util.Arrays;
import java.util.Optional;

/** Where in the request a parameter's value comes from. */
public enum ParameterLocation {
    /** A {@code {name}} segment of the route path; always required. */
    PATH("path"),
    /** A query string parameter; arrays are sent as repeated keys ({@code ?id=1&id=2}). */
    QUERY("query"),
    /** A top-level field of the JSON object request body. */
    BODY("body");

    private final String jsonName;

    ParameterLocation(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in the routes JSON. */
    public String jsonName() {
        return jsonName;
    }

    /** The location with that JSON name, if any. */
    public static Optional<ParameterLocation> fromJsonName(String name) {
        return Arrays.stream(values()).filter(e -> e.jsonName.equals(name)).findFirst();
    }
}
