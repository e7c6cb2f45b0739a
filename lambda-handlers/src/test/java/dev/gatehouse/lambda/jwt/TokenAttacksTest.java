package dev.gatehouse.lambda.jwt;

import static dev.gatehouse.lambda.jwt.AuthorizerFixture.tokenEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way a token can be wrong; each must be a 401 with the right logged reason. */
class TokenAttacksTest {
    private AuthorizerFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new AuthorizerFixture();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void validTokensOfEachAllowedAlgorithmAreAccepted() {
        assertEquals("user-1", fx.allow(fx.token().sign()).getPrincipalId());
        assertEquals("user-1", fx.allow(fx.token().key(TestKeys.RSA, JWSAlgorithm.PS256).sign()).getPrincipalId());
        assertEquals("user-1", fx.allow(fx.token().key(TestKeys.EC_P256, JWSAlgorithm.ES256).sign()).getPrincipalId());
        assertEquals("user-1", fx.allow(fx.token().key(TestKeys.EC_P384, JWSAlgorithm.ES384).sign()).getPrincipalId());
    }

    @Test
    void algNoneIsRejected() {
        String payload = Tokens.payloadJson(fx.clock.instant(), "orders:read");
        assertEquals("malformed-token", fx.rejectToken(Tokens.raw("{\"alg\":\"none\",\"kid\":\"rsa-1\"}", payload, "")));
        assertEquals("malformed-token", fx.rejectToken(Tokens.raw("{\"alg\":\"NONE\",\"kid\":\"rsa-1\"}", payload, "")));
        // even with a signature part present
        assertEquals("malformed-token", fx.rejectToken(Tokens.raw("{\"alg\":\"none\",\"kid\":\"rsa-1\"}", payload, "c2ln")));
        assertEquals(0, fx.fetches(), "rejected before any key lookup");
    }

    @Test
    void hs256SignedWithTheRsaPublicKeyAsSecretIsRejected() throws JOSEException {
        // The classic key-confusion attack: the public key (which anyone can fetch) as HMAC secret
        byte[] publicKeyBytes = TestKeys.RSA.toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
                claims(fx.clock.instant()));
        jwt.sign(new MACSigner(publicKeyBytes));

        assertEquals("algorithm-not-allowed", fx.rejectToken(jwt.serialize()));
    }

    @Test
    void algorithmOutsideTheAllowListIsRejectedEvenWithAGoodSignature() {
        assertEquals("algorithm-not-allowed", fx.rejectToken(fx.token().key(TestKeys.RSA, JWSAlgorithm.RS512).sign()));
    }

    @Test
    void unknownKidIsRejectedAndItsRefetchIsRateLimited() {
        // Given a warm cache, fetched more than the minimum refetch interval (10 s) ago
        fx.allow(fx.token().sign());
        assertEquals(1, fx.fetches());
        fx.clock.advance(Duration.ofSeconds(10));

        // When a token names a kid the set lacks: one refetch, then rejection
        String unknown = fx.token().kid("who-is-this").sign();
        assertEquals("unknown-kid", fx.rejectToken(unknown));
        assertEquals(2, fx.fetches());

        // And repeated attempts within the minimum refetch interval fetch nothing more
        for (int i = 0; i < 5; i++) {
            fx.clock.advance(Duration.ofSeconds(1));
            assertEquals("unknown-kid", fx.rejectToken(fx.token().kid("who-is-this-" + i).sign()));
        }
        assertEquals(2, fx.fetches());

        // After the interval, one more refetch is allowed
        fx.clock.advance(Duration.ofSeconds(10));
        assertEquals("unknown-kid", fx.rejectToken(fx.token().kid("again").sign()));
        assertEquals(3, fx.fetches());
    }

    @Test
    void unknownKidRightAfterAFetchDoesNotFetchAgain() {
        fx.allow(fx.token().sign());
        assertEquals("unknown-kid", fx.rejectToken(fx.token().kid("who-is-this").sign()));
        assertEquals(1, fx.fetches());
    }

    @Test
    void rotatedKeyIsPickedUpByTheUnknownKidRefetch() {
        fx.allow(fx.token().sign());
        fx.jwks.serve(TestKeys.jwks(TestKeys.RSA, TestKeys.RSA_ROTATED));
        fx.clock.advance(Duration.ofSeconds(11));

        IamPolicyResponse response = fx.allow(fx.token().key(TestKeys.RSA_ROTATED, JWSAlgorithm.RS256).sign());

        assertEquals("user-1", response.getPrincipalId());
        assertEquals(2, fx.fetches());
    }

    @Test
    void expiredTokenIsRejectedBeyondTheClockSkew() {
        Instant now = fx.clock.instant();
        assertEquals("expired", fx.rejectToken(fx.token().expiresAt(now.minusSeconds(61)).sign()));
        assertEquals("expired", fx.rejectToken(fx.token().expiresAt(now.minusSeconds(60)).sign()));
        assertEquals("user-1", fx.allow(fx.token().expiresAt(now.minusSeconds(59)).sign()).getPrincipalId());
    }

    @Test
    void clockSkewIsConfigurable() {
        fx.env.put("GATEHOUSE_CLOCK_SKEW_SECONDS", "0");
        Instant now = fx.clock.instant();
        assertEquals("expired", fx.rejectToken(fx.token().expiresAt(now.minusSeconds(1)).sign()));
        assertEquals("not-yet-valid", fx.rejectToken(fx.token().notBefore(now.plusSeconds(1)).sign()));
    }

    @Test
    void futureNotBeforeIsRejected() {
        Instant now = fx.clock.instant();
        assertEquals("not-yet-valid", fx.rejectToken(fx.token().notBefore(now.plusSeconds(120)).sign()));
        assertEquals("user-1", fx.allow(fx.token().notBefore(now.plusSeconds(30)).sign()).getPrincipalId());
    }

    @Test
    void futureIssuedAtIsRejected() {
        Instant now = fx.clock.instant();
        assertEquals("issued-in-future", fx.rejectToken(fx.token().issuedAt(now.plusSeconds(120)).sign()));
        assertEquals("user-1", fx.allow(fx.token().issuedAt(now.plusSeconds(30)).sign()).getPrincipalId());
    }

    @Test
    void wrongIssuerIsRejected() {
        assertEquals("wrong-issuer", fx.rejectToken(fx.token().issuer("https://evil.example.test/").sign()));
        assertEquals("wrong-issuer", fx.rejectToken(fx.token().issuer(Tokens.ISSUER + "x").sign()));
        assertEquals("wrong-issuer", fx.rejectToken(fx.token().issuer(null).sign()));
    }

    @Test
    void wrongOrMissingAudienceIsRejected() {
        assertEquals("wrong-audience", fx.rejectToken(fx.token().audience("other-api").sign()));
        assertEquals("wrong-audience", fx.rejectToken(fx.token().audience().sign()));
        assertEquals("user-1", fx.allow(fx.token().audience("other-api", Tokens.AUDIENCE).sign()).getPrincipalId());
    }

    @Test
    void audienceIsIgnoredWhenDisabled() {
        fx.env.remove("GATEHOUSE_AUDIENCE");
        fx.env.put("GATEHOUSE_AUDIENCE_DISABLED", "true");
        assertEquals("user-1", fx.allow(fx.token().audience("anything").sign()).getPrincipalId());
        assertEquals("user-1", fx.allow(fx.token().audience().sign()).getPrincipalId());
    }

    @Test
    void missingExpIsRejected() {
        assertEquals("missing-exp", fx.rejectToken(fx.token().expiresAt(null).sign()));
    }

    @Test
    void missingKidIsRejected() {
        assertEquals("missing-kid", fx.rejectToken(fx.token().kid(null).sign()));
        assertEquals("missing-kid", fx.rejectToken(fx.token().kid("").sign()));
    }

    @Test
    void missingSubIsRejected() {
        assertEquals("missing-sub", fx.rejectToken(fx.token().subject(null).sign()));
    }

    @Test
    void tamperedPayloadIsRejected() {
        String token = fx.token().scope("orders:read").sign();
        String[] parts = token.split("\\.");
        String forged = Base64URL.encode(Tokens.payloadJson(fx.clock.instant(), "orders:admin orders:write")).toString();

        assertEquals("bad-signature", fx.rejectToken(parts[0] + "." + forged + "." + parts[2]));
    }

    @Test
    void tamperedSignatureIsRejected() {
        String token = fx.token().sign();
        int middle = token.lastIndexOf('.') + 40;
        char flipped = token.charAt(middle) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, middle) + flipped + token.substring(middle + 1);

        assertEquals("bad-signature", fx.rejectToken(tampered));
        String ec = fx.token().key(TestKeys.EC_P256, JWSAlgorithm.ES256).sign();
        int at = ec.lastIndexOf('.') + 10;
        assertEquals("bad-signature", fx.rejectToken(ec.substring(0, at) + (ec.charAt(at) == 'A' ? 'B' : 'A')
                + ec.substring(at + 1)));
    }

    @Test
    void truncatedTokenIsRejected() {
        String token = fx.token().sign();
        assertEquals("bad-signature", fx.rejectToken(token.substring(0, token.length() - 10)));
        // an empty signature part: nimbus refuses to parse it
        assertEquals("malformed-token", fx.rejectToken(token.substring(0, token.lastIndexOf('.') + 1)));
        assertEquals("malformed-token", fx.rejectToken(token.substring(0, token.lastIndexOf('.'))));
        assertEquals("malformed-token", fx.rejectToken(token.substring(0, 30)));
    }

    @Test
    void oversizedTokenIsRejectedBeforeParsing() {
        String huge = "a".repeat(8193);
        assertEquals("token-too-large", fx.rejectToken(huge));
        // a real, validly signed token over the limit is refused too
        String padded = fx.token().claim("pad", "x".repeat(9000)).sign();
        assertEquals("token-too-large", fx.rejectToken(padded));
        assertEquals(0, fx.fetches());
    }

    @Test
    void badBase64IsRejected() {
        assertEquals("malformed-token", fx.rejectToken("!!!!.abc.def"));
        assertEquals("malformed-token", fx.rejectToken("eyJhbGciOiJSUzI1NiJ9.e30.a+b/c="));
        assertEquals("malformed-token", fx.rejectToken("abc.def.ghi"));
        assertEquals("malformed-token", fx.rejectToken("é.a.b"));
    }

    @Test
    void payloadThatIsNotAClaimsSetIsRejected() throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                new JWTClaimsSet.Builder().build());
        // sign a JWS whose payload is a JSON array, with the real key
        com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(jwt.getHeader(),
                new com.nimbusds.jose.Payload("[1,2,3]"));
        jws.sign(new RSASSASigner(TestKeys.RSA));
        assertEquals("malformed-claims", fx.rejectToken(jws.serialize()));
    }

    @Test
    void unknownCriticalHeaderIsRejected() throws JOSEException {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
                .criticalParams(java.util.Set.of("https://example.test/must-understand"))
                .customParam("https://example.test/must-understand", true).build();
        SignedJWT jwt = new SignedJWT(header, claims(fx.clock.instant()));
        jwt.sign(new RSASSASigner(TestKeys.RSA));

        assertEquals("critical-header", fx.rejectToken(jwt.serialize()));
    }

    @Test
    void duplicateClaimsAreRejected() throws JOSEException {
        // a validly signed payload naming the subject twice: which one would a backend believe?
        long t = fx.clock.instant().getEpochSecond();
        String payload = "{\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\"" + Tokens.AUDIENCE + "\",\"sub\":\"user-1\","
                + "\"exp\":" + (t + 600) + ",\"sub\":\"admin\"}";
        com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), new com.nimbusds.jose.Payload(payload));
        jws.sign(new RSASSASigner(TestKeys.RSA));

        assertEquals("malformed-claims", fx.rejectToken(jws.serialize()));
    }

    @Test
    void keyWithUseEncIsNotUsedForSignatures() throws Exception {
        RSAKey encryptionKey = new RSAKey.Builder(TestKeys.RSA).keyID("enc-1").keyUse(KeyUse.ENCRYPTION).build();
        fx.jwks.serve(TestKeys.jwks(TestKeys.RSA, encryptionKey));

        assertEquals("no-usable-key", fx.rejectToken(fx.token().key(encryptionKey, JWSAlgorithm.RS256).sign()));
    }

    @Test
    void keyWhoseAlgDiffersFromTheTokensIsNotUsed() throws Exception {
        fx.env.put("GATEHOUSE_ALGORITHMS", "RS256,PS256");
        RSAKey rs256Only = new RSAKey.Builder(TestKeys.RSA).keyID("rs256-only").algorithm(JWSAlgorithm.RS256).build();
        fx.jwks.serve(TestKeys.jwks(rs256Only));

        assertEquals("user-1", fx.allow(fx.token().key(rs256Only, JWSAlgorithm.RS256).sign()).getPrincipalId());
        assertEquals("no-usable-key", fx.rejectToken(fx.token().key(rs256Only, JWSAlgorithm.PS256).sign()));
    }

    @Test
    void ecKeyOnTheWrongCurveForTheAlgorithmIsNotUsed() throws Exception {
        // ES256 names P-256; a P-384 key must not verify it
        String token = Tokens.at(fx.clock.instant()).key(TestKeys.EC_P384, JWSAlgorithm.ES384).kid("ec-384").sign();
        String[] parts = token.split("\\.");
        String header = Base64URL.encode("{\"alg\":\"ES256\",\"kid\":\"ec-384\"}").toString();
        assertEquals("no-usable-key", fx.rejectToken(header + "." + parts[1] + "." + parts[2]));
    }

    @Test
    void weakRsaKeysAreNotUsed() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        var pair = generator.generateKeyPair();
        RSAKey weak = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID("weak").build();
        fx.jwks.serve(TestKeys.jwks(TestKeys.RSA, weak));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("weak").build(),
                claims(fx.clock.instant()));
        jwt.sign(new RSASSASigner(pair.getPrivate(), java.util.Set.of(com.nimbusds.jose.crypto.opts.AllowWeakRSAKey.getInstance())));

        assertEquals("no-usable-key", fx.rejectToken(jwt.serialize()));
    }

    @Test
    void malformedScopeClaimIsRejected() {
        assertEquals("malformed-scope", fx.rejectToken(fx.token().claim("scp", List.of(1, 2)).sign()));
        assertEquals("malformed-scope", fx.rejectToken(fx.token().claim("scope", List.of("a")).sign()));
    }

    @Test
    void credentialMustBeBearerOrBare() {
        String token = fx.token().sign();
        assertEquals("user-1", fx.decide(tokenEvent("bEaReR  " + token, "GET", "/orders/1")).getPrincipalId());
        assertEquals("user-1", fx.decide(tokenEvent(token, "GET", "/orders/1")).getPrincipalId());
        assertEquals("malformed-token", fx.reject(tokenEvent("Basic " + token, "GET", "/orders/1")));
        assertEquals("missing-token", fx.reject(tokenEvent("Bearer ", "GET", "/orders/1")));
        assertEquals("missing-token", fx.reject(tokenEvent(null, "GET", "/orders/1")));
        assertEquals("missing-token", fx.reject(tokenEvent("", "GET", "/orders/1")));
    }

    @Test
    void rejectionsNeverCarryTheTokenIntoTheLog() {
        fx.rejectToken(fx.token().issuer("https://evil.example.test/").sign());
        fx.rejectToken(fx.token().expiresAt(fx.clock.instant().minusSeconds(3600)).sign());
        // exactly the two short reject lines were logged (so the check below is not vacuous)
        assertEquals(List.of("reject reason=wrong-issuer requestId=-", "reject reason=expired requestId=-"), fx.logLines());
        assertEquals(2, fx.assertNoTokenInLog());
    }

    private static JWTClaimsSet claims(Instant now) {
        return new JWTClaimsSet.Builder().issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject("user-1")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("scope", "orders:read orders:admin").build();
    }
}
