package dev.gatehouse.lambda.jwt.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.authorizer.policy.RouteKey;
import dev.gatehouse.authorizer.policy.RouteScopes;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the authorizer's code paths once with keys generated in-process, before a SnapStart
 * checkpoint: JWKS parsing, signature verification for each allowed algorithm, claim checks,
 * policy planning (which also analyses the route configuration), a rejection, and the creation (not
 * the use) of the JWKS HTTP connection. Nothing from the real JWKS endpoint is fetched, and the
 * generated keys are dropped afterwards.
 */
public final class Primer {
    /** What the authorizer under priming must do: decide an event or throw a rejection. */
    @FunctionalInterface
    public interface Decision {
        void decide(APIGatewayCustomAuthorizerEvent event) throws Rejection;
    }

    /** Builds an authorizer over the given key source, for priming. */
    @FunctionalInterface
    public interface AuthorizerFactory {
        Decision create(KeySource keys);
    }

    private Primer() {}

    /**
     * Primes the code paths.
     *
     * @return the number of decisions made
     */
    public static int prime(Set<JWSAlgorithm> algorithms, String issuer, Set<String> audiences, RouteScopes routes,
            URI jwksUri, AuthorizerFactory factory) throws JOSEException, ParseException, IOException {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("primer-rsa").keyUse(KeyUse.SIGNATURE).generate();
        ECKey p256 = new ECKeyGenerator(Curve.P_256).keyID("primer-p256").keyUse(KeyUse.SIGNATURE).generate();
        ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("primer-p384").keyUse(KeyUse.SIGNATURE).generate();
        List<JWK> publicKeys = List.of(rsa.toPublicJWK(), p256.toPublicJWK(), p384.toPublicJWK());
        String jwks = new JWKSet(publicKeys).toString();
        KeySet keys = KeySet.parse(jwks, algorithms, Clock.systemUTC().instant());
        Decision decision = factory.create(new StaticKeySource(keys));

        RouteKey route = routes.routes().get(0);
        String path = concretePath(route);
        String method = route.isAnyMethod() ? "GET" : route.method();
        String methodArn = "arn:aws:execute-api:us-east-1:000000000000:primer/primer/" + method + path;
        Set<String> allScopes = new HashSet<>();
        routes.routes().forEach(r -> allScopes.addAll(routes.requiredScopes(r)));

        int decisions = 0;
        for (JWSAlgorithm alg : algorithms) {
            JWSSigner signer;
            String kid;
            if (JWSAlgorithm.Family.RSA.contains(alg)) {
                signer = new RSASSASigner(rsa);
                kid = rsa.getKeyID();
            } else if (alg.equals(JWSAlgorithm.ES256)) {
                signer = new ECDSASigner(p256);
                kid = p256.getKeyID();
            } else {
                signer = new ECDSASigner(p384);
                kid = p384.getKeyID();
            }
            String token = token(signer, alg, kid, issuer, audiences, String.join(" ", allScopes), 300);
            decide(decision, tokenEvent("Bearer " + token, methodArn));
            decide(decision, requestEvent(token, methodArn, method, route.path()));
            decisions += 2;
        }
        // one rejection path (expired), with the first algorithm
        JWSAlgorithm first = algorithms.iterator().next();
        if (JWSAlgorithm.Family.RSA.contains(first)) {
            decide(decision, tokenEvent(token(new RSASSASigner(rsa), first, rsa.getKeyID(), issuer, audiences, "", -300),
                    methodArn));
            decisions++;
        }
        // the policy for a principal without scopes
        String anonymous = token(new ECDSASigner(p256), JWSAlgorithm.ES256, p256.getKeyID(), issuer, audiences, "", 300);
        if (algorithms.contains(JWSAlgorithm.ES256)) {
            decide(decision, tokenEvent(anonymous, methodArn));
            decisions++;
        }
        HttpJwksFetcher.unconnected(jwksUri); // loads the URL handler classes; does not connect
        return decisions;
    }

    private static void decide(Decision decision, APIGatewayCustomAuthorizerEvent event) {
        try {
            decision.decide(event);
        } catch (Rejection expected) {
            // rejections are primed too
        }
    }

    private static String token(JWSSigner signer, JWSAlgorithm alg, String kid, String issuer, Set<String> audiences,
            String scope, long expiresInSeconds) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("gatehouse-primer")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(expiresInSeconds)))
                .claim("scope", scope);
        if (!audiences.isEmpty()) {
            claims.audience(new ArrayList<>(audiences));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims.build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String concretePath(RouteKey route) {
        return route.path().replaceAll("\\{[^}/]+\\}", "primer");
    }

    private static APIGatewayCustomAuthorizerEvent tokenEvent(String token, String methodArn) {
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("TOKEN");
        event.setAuthorizationToken(token);
        event.setMethodArn(methodArn);
        return event;
    }

    private static APIGatewayCustomAuthorizerEvent requestEvent(String token, String methodArn, String method,
            String resource) {
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("REQUEST");
        event.setMethodArn(methodArn);
        event.setHttpMethod(method);
        event.setResource(resource);
        event.setHeaders(Map.of("Authorization", "Bearer " + token));
        return event;
    }
}
