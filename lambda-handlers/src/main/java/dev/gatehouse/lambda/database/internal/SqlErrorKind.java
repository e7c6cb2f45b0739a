package dev.gatehouse.lambda.database.internal;

/** What a database error means for the client, independent of the engine. */
public enum SqlErrorKind {
    /** The connection is broken or could not be made: reconnect (and maybe retry). */
    CONNECTION,
    /** The database rejected the credentials: refresh them once. */
    AUTHENTICATION,
    /** The statement ran past the statement timeout (or waited too long for a lock). */
    TIMEOUT,
    /** A unique, exclusion or foreign-key constraint was violated. */
    CONFLICT,
    /** A value the client sent was rejected (NOT NULL, CHECK, too long, out of range...). */
    INVALID_DATA,
    /** A deadlock or serialization failure: the transaction was rolled back and may be retried. */
    BUSY,
    /** Anything else: a server-side problem. */
    OTHER
}
