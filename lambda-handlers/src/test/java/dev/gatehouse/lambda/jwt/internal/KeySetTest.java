package dev.gatehouse.lambda.jwt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which keys of a JWKS are usable, with EC keys (generated fast); RSA rules are covered end to end. */
class KeySetTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final ECKey P256 = ec("p256", Curve.P_256);
    private static final ECKey P384 = ec("p384", Curve.P_384);

    private static ECKey ec(String kid, Curve curve) {
        try {
            return new ECKeyGenerator(curve).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks(JWK... keys) {
        return new JWKSet(List.of(keys).stream().map(JWK::toPublicJWK).toList()).toString();
    }

    @Test
    void eachEcCurveIsUsableWhenItsAlgorithmAloneIsAllowed() throws ParseException {
        KeySet es256 = KeySet.parse(jwks(P256, P384), Set.of(JWSAlgorithm.ES256), AT);
        assertEquals(1, es256.usableKeys());
        assertEquals(1, es256.verifiers("p256", JWSAlgorithm.ES256).size());
        assertTrue(es256.verifiers("p384", JWSAlgorithm.ES384).isEmpty());

        KeySet es384 = KeySet.parse(jwks(P256, P384), Set.of(JWSAlgorithm.ES384), AT);
        assertEquals(1, es384.usableKeys());
        assertEquals(1, es384.verifiers("p384", JWSAlgorithm.ES384).size());

        KeySet both = KeySet.parse(jwks(P256, P384), Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384), AT);
        assertEquals(2, both.usableKeys());
        assertEquals(AT, both.fetchedAt());
    }

    @Test
    void keysOfTypesNoAllowedAlgorithmUsesAreKnownButNotUsable() throws ParseException {
        KeySet rsaOnly = KeySet.parse(jwks(P256), Set.of(JWSAlgorithm.RS256), AT);
        assertEquals(0, rsaOnly.usableKeys());
        assertTrue(rsaOnly.hasKid("p256"), "a known kid is not refetched for");
        assertFalse(rsaOnly.hasKid("other"));
    }

    @Test
    void keyOperationsMustIncludeVerify() throws ParseException {
        ECKey verify = new ECKey.Builder(P256).keyID("v").keyOperations(Set.of(KeyOperation.VERIFY)).build();
        ECKey signOnly = new ECKey.Builder(P256).keyID("s").keyOperations(Set.of(KeyOperation.SIGN)).build();

        KeySet keys = KeySet.parse(jwks(verify, signOnly), Set.of(JWSAlgorithm.ES256), AT);

        assertEquals(1, keys.usableKeys());
        assertEquals(1, keys.verifiers("v", JWSAlgorithm.ES256).size());
        assertTrue(keys.verifiers("s", JWSAlgorithm.ES256).isEmpty());
    }

    @Test
    void malformedEntriesAreSkippedWithoutLosingTheOthers() throws ParseException {
        String json = "{\"keys\": [7, {\"kty\": \"EC\"}, {\"kid\": \"\", \"kty\": \"EC\"},"
                + " {\"kid\": \"bad\", \"kty\": \"EC\", \"crv\": \"P-256\", \"x\": \"AA\", \"y\": \"AA\"},"
                + jwks(P256).substring("{\"keys\":[".length());
        KeySet keys = KeySet.parse(json, Set.of(JWSAlgorithm.ES256), AT);
        assertEquals(1, keys.usableKeys());
        assertTrue(keys.hasKid("bad"));
        assertThrows(ParseException.class, () -> KeySet.parse("{\"other\": []}", Set.of(JWSAlgorithm.ES256), AT));
    }
}
