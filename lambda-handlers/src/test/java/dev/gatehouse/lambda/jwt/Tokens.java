package dev.gatehouse.lambda.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Builds signed test tokens; defaults are a valid token for {@link #ISSUER} / {@link #AUDIENCE}. */
final class Tokens {
    static final String ISSUER = "https://issuer.example.test/";
    static final String AUDIENCE = "orders-api";

    private final Instant now;
    private JWK key = TestKeys.RSA;
    private JWSAlgorithm alg = JWSAlgorithm.RS256;
    private String kid;
    private boolean kidSet;
    private final JWTClaimsSet.Builder claims;

    private Tokens(Instant now) {
        this.now = now;
        this.claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("user-1")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("scope", "orders:read");
    }

    static Tokens at(Instant now) {
        return new Tokens(now);
    }

    Tokens key(JWK signingKey, JWSAlgorithm algorithm) {
        this.key = signingKey;
        this.alg = algorithm;
        return this;
    }

    /** Overrides the header kid (null: no kid). */
    Tokens kid(String value) {
        this.kid = value;
        this.kidSet = true;
        return this;
    }

    Tokens claim(String name, Object value) {
        claims.claim(name, value);
        return this;
    }

    Tokens scope(String value) {
        return claim("scope", value);
    }

    Tokens expiresAt(Instant value) {
        claims.expirationTime(value == null ? null : Date.from(value));
        return this;
    }

    Tokens notBefore(Instant value) {
        claims.notBeforeTime(value == null ? null : Date.from(value));
        return this;
    }

    Tokens issuedAt(Instant value) {
        claims.issueTime(value == null ? null : Date.from(value));
        return this;
    }

    Tokens audience(String... values) {
        claims.audience(values.length == 0 ? null : List.of(values));
        return this;
    }

    Tokens issuer(String value) {
        claims.issuer(value);
        return this;
    }

    Tokens subject(String value) {
        claims.subject(value);
        return this;
    }

    String sign() {
        JWSHeader header = new JWSHeader.Builder(alg).keyID(kidSet ? kid : key.getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signer());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private JWSSigner signer() throws JOSEException {
        if (key instanceof RSAKey rsa) {
            return new RSASSASigner(rsa);
        }
        return new ECDSASigner((ECKey) key);
    }

    /** A token assembled from raw JSON parts and a raw signature segment. */
    static String raw(String headerJson, String payloadJson, String signature) {
        return Base64URL.encode(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64URL.encode(payloadJson.getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    /** The payload JSON of a default valid token at {@code now}. */
    static String payloadJson(Instant now, String scope) {
        long t = now.getEpochSecond();
        return "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"user-1\",\"iat\":" + t
                + ",\"nbf\":" + t + ",\"exp\":" + (t + 600) + ",\"scope\":\"" + scope + "\"}";
    }
}
