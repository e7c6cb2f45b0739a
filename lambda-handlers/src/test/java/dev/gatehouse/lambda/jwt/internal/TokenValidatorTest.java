package dev.gatehouse.lambda.jwt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The token checks that come before and after the signature, on a validator with a fixed key and clock. */
class TokenValidatorTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final ECKey KEY = generate();
    private static final String ISSUER = "https://issuer.example.test/";

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("k1").keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TokenValidator validator(int maxBytes) throws ParseException {
        KeySet keys = KeySet.parse(new JWKSet(KEY.toPublicJWK()).toString(), Set.of(JWSAlgorithm.ES256), NOW);
        return new TokenValidator(new StaticKeySource(keys), Clock.fixed(NOW, ZoneOffset.UTC),
                Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256), ISSUER, Set.of("api"), Duration.ofSeconds(60), maxBytes);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience("api").subject("user-1")
                .expirationTime(Date.from(NOW.plusSeconds(600)));
    }

    private static String sign(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(), claims);
        jwt.sign(new ECDSASigner(KEY));
        return jwt.serialize();
    }

    private static Rejection reject(TokenValidator validator, String token) {
        return assertThrows(Rejection.class, () -> validator.validate(token));
    }

    @Test
    void tokenOfExactlyTheSizeLimitIsCheckedFurtherOneMoreIsTooLarge() throws Exception {
        TokenValidator validator = validator(256);
        String atLimit = "a".repeat(256);

        assertEquals(Reason.MALFORMED_TOKEN, reject(validator, atLimit).reason());
        Rejection over = reject(validator, atLimit + "a");
        assertEquals(Reason.TOKEN_TOO_LARGE, over.reason());
        assertEquals("token-too-large: 257 characters", over.getMessage());
    }

    @Test
    void nonAsciiCharactersAreMalformedNotAnError() throws Exception {
        // U+0080 is the first character outside the table of base64url characters
        TokenValidator validator = validator(8192);
        for (String token : List.of("a\u0080.b.c", "a\u007f.b.c", "a\u00ff.b.c", "a\uffff.b.c")) {
            Rejection rejection = reject(validator, token);
            assertEquals(Reason.MALFORMED_TOKEN, rejection.reason(), token);
            assertEquals("malformed-token: not base64url", rejection.getMessage());
        }
    }

    @Test
    void missingTokenIsItsOwnReason() throws Exception {
        assertEquals("missing-token", reject(validator(8192), "").getMessage());
        assertEquals("missing-token", reject(validator(8192), null).getMessage());
        assertEquals("malformed-token: not a compact JWS", reject(validator(8192), "a.b").getMessage());
        assertEquals("malformed-token: not a compact JWS", reject(validator(8192), "a.b.c.d").getMessage());
    }

    @Test
    void rejectionNamesTheAlgorithmThatIsNotAllowed() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("k1").build(), claims().build());
        jwt.sign(new ECDSASigner(generateP384()));

        Rejection rejection = reject(validator(8192), jwt.serialize());

        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, rejection.reason());
        assertEquals("algorithm-not-allowed: ES384", rejection.getMessage());
    }

    private static ECKey generateP384() throws JOSEException {
        return new ECKeyGenerator(Curve.P_384).keyID("k1").generate();
    }

    @Test
    void scopesAreSplitOnSingleSpacesIgnoringEmptyPieces() throws Exception {
        TokenValidator validator = validator(8192);

        VerifiedToken token = validator.validate(sign(claims().claim("scope", " a  b c ").build()));

        assertEquals(List.of("a", "b", "c"), List.copyOf(token.scopes()));
        assertEquals("user-1", token.subject());
        assertEquals(List.of("x"), List.copyOf(validator.validate(sign(claims().claim("scope", "x").build())).scopes()));
        assertEquals(List.of(), List.copyOf(validator.validate(sign(claims().claim("scope", "").build())).scopes()));
    }

    @Test
    void scpArrayItemsMustBeNonEmptyWithoutSpaces() throws Exception {
        TokenValidator validator = validator(8192);

        assertEquals(List.of("a", "b"), List.copyOf(validator.validate(
                sign(claims().claim("scope", "a").claim("scp", List.of("a", "b")).build())).scopes()));
        for (List<String> bad : List.of(List.of(" a"), List.of("a "), List.of(""), List.of("a b"))) {
            assertEquals(Reason.MALFORMED_SCOPE, reject(validator, sign(claims().claim("scp", bad).build())).reason(),
                    bad.toString());
        }
        assertEquals(List.of("s"), List.copyOf(validator.validate(sign(claims().claim("scp", "s").build())).scopes()));
    }

    @Test
    void audienceOutsideTheAcceptedSetIsRejected() throws Exception {
        TokenValidator validator = validator(8192);
        assertEquals(Reason.WRONG_AUDIENCE, reject(validator, sign(claims().audience("other").build())).reason());
        assertEquals("user-1", validator.validate(sign(claims().audience(List.of("other", "api")).build())).subject());
    }

    @Test
    void emptySubjectIsRejected() throws Exception {
        assertEquals(Reason.MISSING_SUB, reject(validator(8192), sign(claims().subject("").build())).reason());
    }

    @Test
    void rejectionsCarryOnlyTheReasonCodeUnlessADetailIsGiven() {
        assertEquals("expired", new Rejection(Reason.EXPIRED).getMessage());
        assertEquals("expired", new Rejection(Reason.EXPIRED, null).getMessage());
        assertEquals("bad-method-arn: x", new Rejection(Reason.BAD_METHOD_ARN, "x").getMessage());
        assertEquals(Reason.BAD_METHOD_ARN, new Rejection(Reason.BAD_METHOD_ARN, "x").reason());
    }

    @Test
    void staticKeySourceSaysWhyItHasNoVerifier() throws Exception {
        KeySet keys = KeySet.parse(new JWKSet(KEY.toPublicJWK()).toString(), Set.of(JWSAlgorithm.ES256), NOW);
        StaticKeySource source = new StaticKeySource(keys);

        assertEquals(1, source.verifiers("k1", JWSAlgorithm.ES256).size());
        assertEquals(Reason.UNKNOWN_KID,
                assertThrows(Rejection.class, () -> source.verifiers("k2", JWSAlgorithm.ES256)).reason());
        assertEquals(Reason.NO_USABLE_KEY,
                assertThrows(Rejection.class, () -> source.verifiers("k1", JWSAlgorithm.ES384)).reason());
    }
}
