package dev.gatehouse.auth;

/**
 * Signature algorithms the bundled JWT authorizer accepts. Asymmetric only: {@code none} and the
 * HMAC family (whose key is the secret itself) are never accepted.
 */
public enum JwtAlgorithm {
    RS256, RS384, RS512, PS256, ES256, ES384
}
