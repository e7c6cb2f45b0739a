package dev.gatehouse.lambda.database.internal;

/** A route's SQL could not produce an answer; {@link #kind()} decides the HTTP status. */
public final class QueryFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Kind {
        /** No connection could be made or kept (503, Retry-After). */
        UNAVAILABLE,
        /** Deadlock or serialization failure, rolled back (503, Retry-After). */
        BUSY,
        /** Statement timeout (504). */
        TIMEOUT,
        /** Unique, exclusion or foreign-key violation (409). */
        CONFLICT,
        /** The database rejected a value the client sent (400). */
        INVALID_DATA,
        /** The connection broke while a write was committing: it may or may not have happened (500). */
        OUTCOME_UNKNOWN,
        /** Anything else, including a route whose SQL does not fit its result kind (500). */
        INTERNAL
    }

    private final Kind kind;

    public QueryFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
