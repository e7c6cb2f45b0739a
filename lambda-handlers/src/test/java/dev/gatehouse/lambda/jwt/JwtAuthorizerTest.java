package dev.gatehouse.lambda.jwt;

import static dev.gatehouse.lambda.jwt.AuthorizerFixture.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.nimbusds.jose.JWSAlgorithm;
import dev.gatehouse.lambda.jwt.internal.KeySet;
import dev.gatehouse.lambda.jwt.internal.StaticKeySource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authorizer itself, over a fixed key set: which route a request is decided as, what is logged,
 * and the bounds of its per-methodArn caches (the methodArn is chosen by the caller).
 */
class JwtAuthorizerTest {
    /** A small cache limit, so that filling the caches takes a few decisions, not a thousand. */
    private static final int LIMIT = 16;

    private final List<String> log = new ArrayList<>();
    private final MutableClock clock = new MutableClock(AuthorizerFixture.START);
    private JwtAuthorizer authorizer;

    @BeforeEach
    void setUp() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("GATEHOUSE_JWKS_URL", "https://issuer.example.test/jwks.json");
        env.put("GATEHOUSE_ISSUER", Tokens.ISSUER);
        env.put("GATEHOUSE_AUDIENCE", Tokens.AUDIENCE);
        env.put("GATEHOUSE_ROUTE_SCOPES", AuthorizerFixture.SHOP_ROUTES);
        JwtAuthorizerConfig config = JwtAuthorizerConfig.fromEnvironment(env);
        KeySet keys = KeySet.parse(TestKeys.standardJwks(), Set.of(JWSAlgorithm.RS256), clock.instant());
        authorizer = new JwtAuthorizer(config, new StaticKeySource(keys), clock, log::add, LIMIT);
    }

    private IamPolicyResponse decide(APIGatewayCustomAuthorizerEvent event) throws Exception {
        return authorizer.authorize(event, "req-1");
    }

    private String token(String scope) {
        return Tokens.at(clock.instant()).scope(scope).sign();
    }

    private static APIGatewayCustomAuthorizerEvent request(String token, String httpMethod, String resource, String arnPath) {
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("REQUEST");
        event.setHeaders(Map.of("Authorization", "Bearer " + token));
        event.setHttpMethod(httpMethod);
        event.setResource(resource);
        event.setMethodArn(PREFIX + arnPath);
        return event;
    }

    @Test
    void requestEventsAreDecidedAsTheRouteTheirResourceNamesNotTheMethodArnPath() throws Exception {
        // Given a principal without users:read, and a REQUEST event whose resource is GET /users/{id}
        // while its methodArn path, /users/me, would go to the open GET /users/me route
        String token = token("");

        IamPolicyResponse byResource = decide(request(token, "GET", "/users/{id}", "GET/users/me"));

        // Then it is decided as GET /users/{id}: refused
        assertFalse(PolicyEvaluator.allows(byResource, PREFIX + "GET/users/me"));
        assertEquals(JwtAuthorizer.POLICY_REQUEST, byResource.getContext().get(JwtAuthorizer.POLICY_CONTEXT_KEY));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("policy-self-check-failed requestId=req-1 route=\"GET /users/{id}\"")),
                log.toString());

        // And the same methodArn with the resource GET /users/me is another decision, not a cached one
        IamPolicyResponse byOtherResource = decide(request(token, "GET", "/users/me", "GET/users/me"));
        assertTrue(PolicyEvaluator.allows(byOtherResource, PREFIX + "GET/users/me"));
        assertEquals(JwtAuthorizer.POLICY_ROUTES, byOtherResource.getContext().get(JwtAuthorizer.POLICY_CONTEXT_KEY));
    }

    @Test
    void withoutBothResourceAndHttpMethodTheMethodArnDecides() throws Exception {
        String token = token("");
        // the resource alone, or the method alone, does not name a route: the methodArn does
        IamPolicyResponse noMethod = decide(request(token, null, "/users/{id}", "GET/users/me"));
        IamPolicyResponse noResource = decide(request(token, "GET", null, "GET/users/me"));

        assertTrue(PolicyEvaluator.allows(noMethod, PREFIX + "GET/users/me"));
        assertTrue(PolicyEvaluator.allows(noResource, PREFIX + "GET/users/me"));
        assertEquals(JwtAuthorizer.POLICY_ROUTES, noMethod.getContext().get(JwtAuthorizer.POLICY_CONTEXT_KEY));
    }

    @Test
    void eventWithoutATypeReadsTheTokenFromTheAuthorizationTokenOrElseTheHeader() throws Exception {
        String token = token("orders:read");
        APIGatewayCustomAuthorizerEvent tokenStyle = AuthorizerFixture.tokenEvent("Bearer " + token, "GET", "/orders/1");
        tokenStyle.setType(null);
        tokenStyle.setHeaders(Map.of("Authorization", "Bearer not-a-token"));
        assertEquals("user-1", decide(tokenStyle).getPrincipalId());

        APIGatewayCustomAuthorizerEvent requestStyle = request(token, "GET", "/orders/{id}", "GET/orders/1");
        requestStyle.setType(null);
        assertEquals("user-1", decide(requestStyle).getPrincipalId());
    }

    @Test
    void unconfiguredRoutesAreLoggedWithTheirResource() throws Exception {
        String token = token("orders:read");
        decide(AuthorizerFixture.tokenEvent(token, "GET", "/nowhere"));
        decide(request(token, "GET", "/elsewhere", "GET/elsewhere"));

        assertEquals(List.of("route-not-configured requestId=req-1 method=GET resource=-",
                "route-not-configured requestId=req-1 method=GET resource=/elsewhere"), log);
    }

    @Test
    void cachesHoldAThousandEntriesByDefault() {
        assertEquals(1024, JwtAuthorizer.CACHE_LIMIT);
    }

    @Test
    void cacheOfMethodArnsIsBounded() throws Exception {
        String token = token("orders:read");
        for (int i = 0; i < 10; i++) {
            decide(AuthorizerFixture.tokenEvent(token, "GET", "/orders/" + i));
        }
        assertEquals(10, authorizer.cachedTargets());

        // When more distinct methodArns fill it to its limit
        for (int i = 10; i < LIMIT; i++) {
            decide(AuthorizerFixture.tokenEvent(token, "GET", "/orders/" + i));
        }
        assertEquals(LIMIT, authorizer.cachedTargets());

        // Then the next one starts it over instead of growing it
        IamPolicyResponse next = decide(AuthorizerFixture.tokenEvent(token, "GET", "/orders/" + LIMIT));
        assertEquals(1, authorizer.cachedTargets());
        assertTrue(PolicyEvaluator.allows(next, PREFIX + "GET/orders/" + LIMIT));
    }

    @Test
    void cacheOfStatementsPerStageIsBounded() throws Exception {
        // One statement list per (plan, API stage): stages are chosen by whoever calls
        String token = token("orders:read");
        for (int i = 0; i < LIMIT; i++) {
            APIGatewayCustomAuthorizerEvent event = AuthorizerFixture.tokenEvent(token, "GET", "/orders/1");
            event.setMethodArn("arn:aws:execute-api:eu-west-1:123456789012:abc123/stage" + i + "/GET/orders/1");
            decide(event);
        }
        assertEquals(LIMIT, authorizer.cachedStatementLists());

        APIGatewayCustomAuthorizerEvent event = AuthorizerFixture.tokenEvent(token, "GET", "/orders/1");
        event.setMethodArn("arn:aws:execute-api:eu-west-1:123456789012:abc123/last/GET/orders/1");
        IamPolicyResponse response = decide(event);

        assertEquals(1, authorizer.cachedStatementLists());
        assertTrue(PolicyEvaluator.allows(response, "arn:aws:execute-api:eu-west-1:123456789012:abc123/last/GET/orders/1"));
    }
}
