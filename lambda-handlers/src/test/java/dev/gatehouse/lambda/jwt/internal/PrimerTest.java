package dev.gatehouse.lambda.jwt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.nimbusds.jose.JWSAlgorithm;
import dev.gatehouse.lambda.jwt.JwtAuthorizer;
import dev.gatehouse.lambda.jwt.JwtAuthorizerConfig;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming: every decision the primer makes is recorded, together with how a real
 * authorizer answered it, so the test sees which code paths were exercised.
 */
class PrimerTest {
    private static final String PRIMER_ARN = "arn:aws:execute-api:us-east-1:000000000000:primer/primer/";

    /** One primed decision: the event, and the authorizer's answer (a policy or a rejection). */
    private record Decided(APIGatewayCustomAuthorizerEvent event, IamPolicyResponse response, Rejection rejection) {}

    private static List<Decided> prime(String algorithms, String audience, String routes, int[] count) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("GATEHOUSE_JWKS_URL", "https://issuer.example.test/.well-known/jwks.json");
        env.put("GATEHOUSE_ISSUER", "https://issuer.example.test/");
        if (audience == null) {
            env.put("GATEHOUSE_AUDIENCE_DISABLED", "true");
        } else {
            env.put("GATEHOUSE_AUDIENCE", audience);
        }
        env.put("GATEHOUSE_ALGORITHMS", algorithms);
        env.put("GATEHOUSE_ROUTE_SCOPES", routes);
        JwtAuthorizerConfig config = JwtAuthorizerConfig.fromEnvironment(env);
        List<Decided> decided = new ArrayList<>();
        // in the order written: the expired-token rejection is primed with the first algorithm
        Set<JWSAlgorithm> ordered = new LinkedHashSet<>();
        for (String name : algorithms.split(",")) {
            ordered.add(JWSAlgorithm.parse(name));
        }
        count[0] = Primer.prime(ordered, config.issuer(), config.audiences(), config.routeScopes(),
                config.jwksUri(), keys -> {
                    JwtAuthorizer authorizer = new JwtAuthorizer(config, keys, Clock.systemUTC(), line -> { });
                    return event -> {
                        try {
                            decided.add(new Decided(event, authorizer.authorize(event, "primer"), null));
                        } catch (Rejection rejection) {
                            decided.add(new Decided(event, null, rejection));
                            throw rejection;
                        }
                    };
                });
        return decided;
    }

    @Test
    void primesATokenAndARequestDecisionPerAlgorithmARejectionAndAnAnonymousPolicy() throws Exception {
        // Given RS256, ES256 and ES384 allowed and a first route with a path variable
        int[] count = new int[1];
        List<Decided> decided = prime("RS256,ES256,ES384", "orders-api",
                "{\"routes\": {\"POST /orders/{id}/lines\": [\"orders:write\"], \"GET /x\": [\"x\"]}}", count);

        // Then per algorithm one TOKEN and one REQUEST decision, accepted with every scope
        assertEquals(8, count[0]);
        assertEquals(8, decided.size());
        for (int i = 0; i < 6; i++) {
            Decided d = decided.get(i);
            assertNotNull(d.response(), "decision " + i + " was rejected: " + d.rejection());
            assertEquals("gatehouse-primer", d.response().getPrincipalId());
            assertEquals(PRIMER_ARN + "POST/orders/primer/lines", d.event().getMethodArn());
            assertEquals(JwtAuthorizer.POLICY_ROUTES, d.response().getContext().get(JwtAuthorizer.POLICY_CONTEXT_KEY));
            assertEquals(Set.of("orders:write", "x"), Set.of(((String) d.response().getContext().get("scope")).split(" ")));
        }
        APIGatewayCustomAuthorizerEvent token = decided.get(0).event();
        assertEquals("TOKEN", token.getType());
        assertTrue(token.getAuthorizationToken().startsWith("Bearer ey"), token.getAuthorizationToken());
        APIGatewayCustomAuthorizerEvent request = decided.get(1).event();
        assertEquals("REQUEST", request.getType());
        assertEquals("POST", request.getHttpMethod());
        assertEquals("/orders/{id}/lines", request.getResource());
        assertTrue(request.getHeaders().get("Authorization").startsWith("Bearer ey"), request.getHeaders().toString());

        // And one expired token with the first algorithm, rejected
        assertEquals(Reason.EXPIRED, decided.get(6).rejection().reason());
        // And one token without scopes (ES256): a Deny of the forbidden routes
        Decided anonymous = decided.get(7);
        assertEquals("", anonymous.response().getContext().get("scope"));
        assertEquals("Deny", PolicyStatements.effects(anonymous.response()).get(0));
    }

    @Test
    void anAnyRouteIsPrimedWithGetAndWithoutAudienceWhenItIsNotChecked() throws Exception {
        // Given ES384 only (no RSA: no expired-token rejection; no ES256: no anonymous decision)
        int[] count = new int[1];
        List<Decided> decided = prime("ES384", null, "{\"routes\": {\"ANY /{proxy+}\": []}}", count);

        assertEquals(2, count[0]);
        assertEquals(2, decided.size());
        assertEquals(PRIMER_ARN + "GET/primer", decided.get(0).event().getMethodArn());
        assertEquals("GET", decided.get(1).event().getHttpMethod());
        assertNotNull(decided.get(0).response());
        assertNotNull(decided.get(1).response());
    }

    @Test
    void rsaOnlyPrimesTheRejectionButNoAnonymousDecision() throws Exception {
        int[] count = new int[1];
        List<Decided> decided = prime("PS256", "api", "{\"routes\": {\"GET /\": []}}", count);

        assertEquals(3, count[0]);
        assertEquals(PRIMER_ARN + "GET/", decided.get(0).event().getMethodArn());
        assertEquals(Reason.EXPIRED, decided.get(2).rejection().reason());
        assertNotNull(decided.get(0).response());
    }

    @Test
    void creatingTheConnectionDoesNotConnect() throws Exception {
        // the URL handler classes are loaded for an unreachable host: nothing may connect
        int[] count = new int[1];
        prime("ES256", "api", "{\"routes\": {\"GET /\": []}}", count);
        assertEquals(3, count[0]);
        assertNotNull(HttpJwksFetcher.unconnected(URI.create("https://jwks.invalid/keys")));
    }

    /** The effects of a policy's statements, in order. */
    private static final class PolicyStatements {
        @SuppressWarnings("unchecked")
        static List<String> effects(IamPolicyResponse response) {
            Object raw = response.getPolicyDocument().get("Statement");
            List<String> out = new ArrayList<>();
            for (Object statement : (Object[]) raw) {
                out.add(String.valueOf(((Map<String, Object>) statement).get("Effect")));
            }
            return out;
        }
    }
}
