package dev.gatehouse.lambda.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.List;

/** Keys generated once per test JVM (RSA generation is slow). */
final class TestKeys {
    static final RSAKey RSA = rsa("rsa-1");
    static final RSAKey RSA_ROTATED = rsa("rsa-2");
    static final ECKey EC_P256 = ec("ec-256", Curve.P_256);
    static final ECKey EC_P384 = ec("ec-384", Curve.P_384);

    private TestKeys() {}

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey ec(String kid, Curve curve) {
        try {
            return new ECKeyGenerator(curve).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWKS document of some keys. */
    static String jwks(JWK... keys) {
        return new JWKSet(List.of(keys).stream().map(JWK::toPublicJWK).toList()).toString();
    }

    /** The usual set: RSA, P-256 and P-384 (public parts). */
    static String standardJwks() {
        return jwks(RSA, EC_P256, EC_P384);
    }
}
