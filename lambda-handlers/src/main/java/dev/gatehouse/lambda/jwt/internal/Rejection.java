package dev.gatehouse.lambda.jwt.internal;

/**
 * A request the authorizer answers with 401 Unauthorized. Carries only a {@link Reason} and a short
 * detail that never includes the token; no stack trace is captured.
 */
public final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public Rejection(Reason reason) {
        this(reason, null);
    }

    public Rejection(Reason reason, String detail) {
        super(detail == null ? reason.code() : reason.code() + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
