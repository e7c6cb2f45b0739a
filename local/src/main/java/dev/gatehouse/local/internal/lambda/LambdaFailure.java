package dev.gatehouse.local.internal.lambda;

/** An invocation that returned no result: the function's error, a timeout, throttling, an init failure. */
public final class LambdaFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as Lambda reports it. */
    public enum Kind {
        /** The handler threw: Lambda's "Unhandled" function error. */
        FUNCTION_ERROR,
        /** The function ran past its timeout. */
        TIMEOUT,
        /** The function's concurrency limit was reached (Lambda's 429 TooManyRequestsException). */
        THROTTLED,
        /** The handler could not be loaded or constructed. */
        INIT_ERROR,
        /** The function cannot run in the local gateway (its runtime, its code). */
        UNSUPPORTED
    }

    private final Kind kind;
    private final String errorType;

    public LambdaFailure(Kind kind, String errorType, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errorType = errorType;
    }

    public Kind kind() {
        return kind;
    }

    /** The error's type (the exception class for a function error). */
    public String errorType() {
        return errorType;
    }
}
