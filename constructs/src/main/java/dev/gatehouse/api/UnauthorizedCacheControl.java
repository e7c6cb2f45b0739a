package dev.gatehouse.api;

/**
 * What API Gateway does with a request carrying {@code Cache-Control: max-age=0} (a request to
 * invalidate its cache entry) from a caller without {@code execute-api:InvalidateCache}, when
 * invalidation requires authorization. In every case the cache entry is kept.
 */
public enum UnauthorizedCacheControl {
    /** Answer 403. */
    FAIL_WITH_403,
    /** Serve the request as if the header were absent, with a warning header in the response. */
    SUCCEED_WITH_RESPONSE_HEADER,
    /** Serve the request as if the header were absent. */
    SUCCEED_WITHOUT_RESPONSE_HEADER
}
