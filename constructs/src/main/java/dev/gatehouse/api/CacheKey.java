package dev.gatehouse.api;

import java.util.Locale;
import java.util.Objects;

/**
 * One part of a cached route's cache key: a request parameter whose value tells cached responses
 * apart, or the caller's identity. Requests that agree on every part get the same cached response.
 *
 * <p>Every path variable of a route is part of its key without being listed (otherwise
 * {@code GET /orders/1} would be answered with the response cached for {@code /orders/2}). Query
 * string parameters and headers are parts only when listed; Gatehouse declares them as optional
 * request parameters of the operation, as API Gateway requires of cache key parameters.
 *
 * <pre>{@code
 * CacheSettings.builder().enabled(true).key(CacheKey.query("page"), CacheKey.caller()).build()
 * }</pre>
 */
public final class CacheKey {
    /** Where a key part comes from. */
    public enum Source {
        /** A path variable, {@code method.request.path.<name>}. */
        PATH,
        /** A query string parameter, {@code method.request.querystring.<name>}. */
        QUERY,
        /** A request header, {@code method.request.header.<name>}. */
        HEADER,
        /**
         * The caller's identity: whatever the route's authorization identifies callers by (the
         * token header of a JWT, Cognito or TOKEN authorizer, the identity sources of a REQUEST
         * authorizer, the Authorization header of an IAM route).
         */
        CALLER
    }

    private static final CacheKey CALLER = new CacheKey(Source.CALLER, null);

    private final Source source;
    private final String name;

    private CacheKey(Source source, String name) {
        this.source = source;
        this.name = name;
    }

    /** A path variable of the route, e.g. {@code path("id")} for {@code /orders/{id}} (included anyway). */
    public static CacheKey path(String name) {
        return new CacheKey(Source.PATH, Objects.requireNonNull(name, "name"));
    }

    /** A query string parameter, e.g. {@code query("page")}. */
    public static CacheKey query(String name) {
        return new CacheKey(Source.QUERY, Objects.requireNonNull(name, "name"));
    }

    /** A request header, e.g. {@code header("Accept-Language")}. */
    public static CacheKey header(String name) {
        return new CacheKey(Source.HEADER, Objects.requireNonNull(name, "name"));
    }

    /**
     * The caller's identity, as the route's authorization reads it: each caller gets their own
     * cached responses.
     */
    public static CacheKey caller() {
        return CALLER;
    }

    public Source getSource() {
        return source;
    }

    /** The parameter's name; {@code null} for {@link #caller()}. */
    public String getName() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheKey other && source == other.source && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, name);
    }

    /** e.g. {@code query(page)}, {@code caller()}. */
    @Override
    public String toString() {
        return source.name().toLowerCase(Locale.ROOT) + "(" + (name == null ? "" : name) + ")";
    }
}
