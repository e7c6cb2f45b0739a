package dev.gatehouse.lambda.jwt.internal;

/** Why a request was answered 401; logged as a short code, never with the token. */
public enum Reason {
    CONFIGURATION_ERROR("configuration-error"),
    MISSING_TOKEN("missing-token"),
    TOKEN_TOO_LARGE("token-too-large"),
    MALFORMED_TOKEN("malformed-token"),
    ALGORITHM_NOT_ALLOWED("algorithm-not-allowed"),
    MISSING_KID("missing-kid"),
    CRITICAL_HEADER("critical-header"),
    UNKNOWN_KID("unknown-kid"),
    NO_USABLE_KEY("no-usable-key"),
    KEYS_UNAVAILABLE("keys-unavailable"),
    BAD_SIGNATURE("bad-signature"),
    MALFORMED_CLAIMS("malformed-claims"),
    MISSING_EXP("missing-exp"),
    EXPIRED("expired"),
    NOT_YET_VALID("not-yet-valid"),
    ISSUED_IN_FUTURE("issued-in-future"),
    WRONG_ISSUER("wrong-issuer"),
    WRONG_AUDIENCE("wrong-audience"),
    MISSING_SUB("missing-sub"),
    MALFORMED_SCOPE("malformed-scope"),
    BAD_METHOD_ARN("bad-method-arn"),
    INTERNAL_ERROR("internal-error");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    /** The code written to the log. */
    public String code() {
        return code;
    }
}
