package dev.gatehouse.lambda.jwt;

import static dev.gatehouse.lambda.jwt.AuthorizerFixture.PREFIX;
import static dev.gatehouse.lambda.jwt.AuthorizerFixture.requestEvent;
import static dev.gatehouse.lambda.jwt.AuthorizerFixture.tokenEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.lambda.jwt.internal.JwksFetcher;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TOKEN and REQUEST events end to end: policies, scopes, context, fallback and configuration errors. */
class JwtAuthorizerHandlerTest {
    /** Concrete requests of the shop API and whether a principal with orders:read may make them. */
    private static final Map<String, Boolean> READER_DECISIONS = new LinkedHashMap<>();

    static {
        READER_DECISIONS.put("GET/", true);
        READER_DECISIONS.put("GET/orders", true);
        READER_DECISIONS.put("GET/orders/1", true);
        READER_DECISIONS.put("GET/orders/2/lines", true);
        READER_DECISIONS.put("GET/orders/exports", true);
        READER_DECISIONS.put("GET/users/me", true);
        READER_DECISIONS.put("POST/orders", false);
        READER_DECISIONS.put("DELETE/orders/1", false);
        READER_DECISIONS.put("GET/orders/export", false);
        READER_DECISIONS.put("GET/files/a/b", false);
        READER_DECISIONS.put("PUT/files/x", false);
        READER_DECISIONS.put("GET/users/42", false);
    }

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
    void tokenEventGetsAPolicyForEveryRoute() {
        // Given a reader's token, for a TOKEN authorizer call on GET /orders/1
        String token = fx.token().scope("orders:read").sign();

        // When the handler decides
        IamPolicyResponse response = fx.decide(tokenEvent("Bearer " + token, "GET", "/orders/1"));

        // Then the principal is the subject and the cached policy is right for every route
        assertEquals("user-1", response.getPrincipalId());
        assertEquals("2012-10-17", response.getPolicyDocument().get("Version"));
        READER_DECISIONS.forEach((request, allowed) ->
                assertEquals(allowed, PolicyEvaluator.allows(response, PREFIX + request), request));
        assertEquals(JwtAuthorizer.POLICY_ROUTES, response.getContext().get("gatehousePolicy"));
    }

    @Test
    void policyProducedForOneRouteIsRightForTheOthers() {
        // The cached-policy property: whichever route the first call targeted, the policy (cached
        // by token) decides every other route the same way
        String token = fx.token().scope("orders:read").sign();
        for (String request : READER_DECISIONS.keySet()) {
            int slash = request.indexOf('/');
            IamPolicyResponse response = fx.decide(tokenEvent(token, request.substring(0, slash), request.substring(slash)));
            READER_DECISIONS.forEach((other, allowed) ->
                    assertEquals(allowed, PolicyEvaluator.allows(response, PREFIX + other),
                            "policy made for " + request + " applied to " + other));
        }
    }

    @Test
    void forbiddenRoutesAreExplicitlyDenied() {
        String token = fx.token().scope("orders:read").sign();

        IamPolicyResponse response = fx.decide(tokenEvent(token, "DELETE", "/orders/1"));

        // a 403 from an explicit Deny statement, not a 401
        List<Map<String, Object>> statements = PolicyEvaluator.statements(response);
        Map<String, Object> deny = statements.stream().filter(s -> "Deny".equals(s.get("Effect"))).findFirst().orElseThrow();
        assertTrue(PolicyEvaluator.resources(deny).contains(PREFIX + "DELETE/orders/*"), deny.toString());
        assertTrue(PolicyEvaluator.resources(deny).contains(PREFIX + "GET/orders/export"), deny.toString());
        assertFalse(PolicyEvaluator.allows(response, PREFIX + "DELETE/orders/1"));
        assertEquals(2, statements.size(), "one Allow and one Deny statement");
    }

    @Test
    void fullyPrivilegedPrincipalGetsOneAllowForTheWholeStage() {
        String token = fx.token().scope("orders:read orders:write orders:admin files")
                .claim("scp", List.of("users:read")).sign();

        IamPolicyResponse response = fx.decide(tokenEvent(token, "GET", "/orders/1"));

        List<Map<String, Object>> statements = PolicyEvaluator.statements(response);
        assertEquals(1, statements.size());
        assertEquals("Allow", statements.get(0).get("Effect"));
        assertEquals(List.of(PREFIX + "*/*"), PolicyEvaluator.resources(statements.get(0)));
        assertEquals("orders:read orders:write orders:admin files users:read", response.getContext().get("scope"));
    }

    @Test
    void principalWithoutScopesGetsOnlyTheOpenRoutes() {
        String token = fx.token().claim("scope", null).sign();

        IamPolicyResponse response = fx.decide(tokenEvent(token, "GET", "/users/me"));

        assertTrue(PolicyEvaluator.allows(response, PREFIX + "GET/users/me"));
        assertTrue(PolicyEvaluator.allows(response, PREFIX + "GET/"));
        assertFalse(PolicyEvaluator.allows(response, PREFIX + "GET/users/7"));
        assertFalse(PolicyEvaluator.allows(response, PREFIX + "GET/orders"));
        assertEquals("", response.getContext().get("scope"));
    }

    @Test
    void requestEventReadsTheConfiguredHeaderCaseInsensitively() {
        String token = fx.token().scope("files").sign();

        IamPolicyResponse response = fx.decide(requestEvent(Map.of("authorization", "Bearer " + token), "PUT",
                "/files/{path+}", "/files/a/b"));

        assertEquals("user-1", response.getPrincipalId());
        assertTrue(PolicyEvaluator.allows(response, PREFIX + "PUT/files/a/b"));
        assertTrue(PolicyEvaluator.allows(response, PREFIX + "GET/files/c"));
        assertFalse(PolicyEvaluator.allows(response, PREFIX + "GET/orders/1"));
    }

    @Test
    void requestEventWithACustomHeader() {
        fx.env.put("GATEHOUSE_TOKEN_HEADER", "X-Api-Token");
        String token = fx.token().sign();

        assertEquals("user-1", fx.decide(requestEvent(Map.of("x-api-token", token), "GET", "/orders/{id}", "/orders/9"))
                .getPrincipalId());
        APIGatewayCustomAuthorizerEvent wrongHeader =
                requestEvent(Map.of("Authorization", "Bearer " + token), "GET", "/orders/{id}", "/orders/9");
        assertEquals("missing-token", fx.reject(wrongHeader));
        assertEquals("missing-token", fx.reject(requestEvent(null, "GET", "/orders/{id}", "/orders/9")));
    }

    @Test
    void requestEventDecisionsUseTheResourceTemplate() {
        String token = fx.token().scope("orders:read").sign();
        // GET /orders/export requires orders:admin: the resource says which route this is
        IamPolicyResponse response = fx.decide(requestEvent(Map.of("Authorization", "Bearer " + token), "GET",
                "/orders/export", "/orders/export"));
        assertFalse(PolicyEvaluator.allows(response, PREFIX + "GET/orders/export"));
        assertTrue(PolicyEvaluator.allows(response, PREFIX + "GET/orders/7"));
    }

    @Test
    void contextCarriesSubjectScopesAndSelectedScalarClaims() {
        fx.env.put("GATEHOUSE_CONTEXT_CLAIMS", "email,tenant_id,admin,level,ratio,exp,address,groups,absent");
        String token = fx.token().scope("orders:read orders:read files")
                .claim("email", "ada@example.test")
                .claim("tenant_id", 42)
                .claim("admin", false)
                .claim("level", 3_000_000_000L)
                .claim("ratio", 0.5)
                .claim("address", Map.of("city", "Paris"))
                .claim("groups", List.of("a", "b"))
                .sign();

        Map<String, Object> context = fx.decide(tokenEvent(token, "GET", "/orders/1")).getContext();

        assertEquals("user-1", context.get("sub"));
        assertEquals("orders:read files", context.get("scope"));
        assertEquals("ada@example.test", context.get("email"));
        assertEquals(42L, ((Number) context.get("tenant_id")).longValue());
        assertEquals(false, context.get("admin"));
        assertEquals(3_000_000_000L, ((Number) context.get("level")).longValue());
        assertEquals(0.5, ((Number) context.get("ratio")).doubleValue());
        assertEquals(fx.clock.instant().getEpochSecond() + 600, ((Number) context.get("exp")).longValue());
        assertFalse(context.containsKey("address"), "nested objects are not allowed in the context");
        assertFalse(context.containsKey("groups"), "arrays are not allowed in the context");
        assertFalse(context.containsKey("absent"));
        for (Object value : context.values()) {
            assertTrue(value instanceof String || value instanceof Number || value instanceof Boolean, value.toString());
        }
    }

    @Test
    void responseSerializesToTheShapeApiGatewayExpects() throws Exception {
        String token = fx.token().scope("orders:read").sign();
        IamPolicyResponse response = fx.decide(tokenEvent(token, "GET", "/orders/1"));

        JsonNode json = new ObjectMapper().valueToTree(response);

        assertEquals("user-1", json.get("principalId").asText());
        assertEquals("2012-10-17", json.at("/policyDocument/Version").asText());
        JsonNode statement = json.at("/policyDocument/Statement/0");
        assertEquals("execute-api:Invoke", statement.get("Action").asText());
        assertEquals("Allow", statement.get("Effect").asText());
        assertTrue(statement.get("Resource").isArray());
        assertEquals("user-1", json.at("/context/sub").asText());
    }

    @Test
    void ambiguousConfigurationFallsBackToTheCurrentRequest() {
        // Given a public catch-all and an admin route under it: no policy can be exact for a
        // principal without admin
        fx.env.put("GATEHOUSE_ROUTE_SCOPES", "{\"routes\": {\"ANY /{proxy+}\": [], \"GET /admin/{id}\": [\"admin\"]}}");
        String token = fx.token().scope("").sign();

        // When it calls a public path: only this request is allowed, and the context says so
        IamPolicyResponse open = fx.decide(tokenEvent(token, "GET", "/news/1"));
        List<Map<String, Object>> statements = PolicyEvaluator.statements(open);
        assertEquals(1, statements.size());
        assertEquals("Allow", statements.get(0).get("Effect"));
        assertEquals(List.of(PREFIX + "GET/news/1"), PolicyEvaluator.resources(statements.get(0)));
        assertEquals(JwtAuthorizer.POLICY_REQUEST, open.getContext().get("gatehousePolicy"));
        assertFalse(PolicyEvaluator.allows(open, PREFIX + "GET/admin/1"));

        // And when it calls the admin route: denied
        IamPolicyResponse admin = fx.decide(tokenEvent(token, "GET", "/admin/1"));
        assertFalse(PolicyEvaluator.allows(admin, PREFIX + "GET/admin/1"));
        assertEquals(JwtAuthorizer.POLICY_REQUEST, admin.getContext().get("gatehousePolicy"));

        // An admin gets the exact, cacheable policy
        IamPolicyResponse full = fx.decide(tokenEvent(fx.token().scope("admin").sign(), "GET", "/news/1"));
        assertEquals(JwtAuthorizer.POLICY_ROUTES, full.getContext().get("gatehousePolicy"));
        assertTrue(fx.logLines().stream().anyMatch(l -> l.startsWith("policy-not-exact")), fx.logLines().toString());
    }

    @Test
    void fallbackNeverAllowsAMethodArnWithWildcards() {
        fx.env.put("GATEHOUSE_ROUTE_SCOPES", "{\"routes\": {\"ANY /{proxy+}\": [], \"GET /admin/{id}\": [\"admin\"]}}");
        String token = fx.token().scope("").sign();

        // a client requesting the literal path /files/* must not get an Allow for every file
        IamPolicyResponse response = fx.decide(tokenEvent(token, "GET", "/files/*"));

        assertTrue(PolicyEvaluator.statements(response).stream().noneMatch(st -> "Allow".equals(st.get("Effect"))),
                PolicyEvaluator.statements(response).toString());
        assertFalse(PolicyEvaluator.allows(response, PREFIX + "GET/files/a"));
        assertFalse(PolicyEvaluator.allows(response, PREFIX + "GET/files/*"));
    }

    @Test
    void routeMissingFromTheConfigurationIsDenied() {
        String token = fx.token().scope("orders:read").sign();

        IamPolicyResponse response = fx.decide(tokenEvent(token, "GET", "/orders/1/lines/2"));

        assertFalse(PolicyEvaluator.allows(response, PREFIX + "GET/orders/1/lines/2"));
        assertTrue(PolicyEvaluator.allows(response, PREFIX + "GET/orders/1"), "other routes keep their decision");
        assertTrue(fx.logLines().stream().anyMatch(l -> l.startsWith("route-not-configured")), fx.logLines().toString());
    }

    @Test
    void malformedMethodArnIsUnauthorized() {
        String token = fx.token().sign();
        APIGatewayCustomAuthorizerEvent event = tokenEvent(token, "GET", "/orders/1");
        event.setMethodArn("arn:aws:execute-api:eu-west-1:123456789012:*/prod/GET/orders/1");
        assertEquals("bad-method-arn", fx.reject(event));
        event.setMethodArn(null);
        assertEquals("bad-method-arn", fx.reject(event));
        event.setMethodArn("arn:aws:lambda:eu-west-1:123456789012:function:x");
        assertEquals("bad-method-arn", fx.reject(event));
    }

    @Test
    void rejectionsAreLoggedWithTheLambdaAndApiGatewayRequestIds() {
        String token = fx.token().issuer("https://evil.example.test/").sign();
        Context context = lambdaContext("lambda-req-7");
        APIGatewayCustomAuthorizerEvent withApiId = tokenEvent(token, "GET", "/orders/1");
        APIGatewayCustomAuthorizerEvent.RequestContext requestContext = new APIGatewayCustomAuthorizerEvent.RequestContext();
        requestContext.setRequestId("api-req-9");
        withApiId.setRequestContext(requestContext);

        assertThrows(RuntimeException.class, () -> fx.handler().handleRequest(tokenEvent(token, "GET", "/orders/1"), context));
        assertThrows(RuntimeException.class, () -> fx.handler().handleRequest(withApiId, context));
        assertThrows(RuntimeException.class, () -> fx.handler().handleRequest(withApiId, null));

        List<String> rejects = fx.logLines().stream().filter(l -> l.startsWith("reject ")).toList();
        assertEquals(List.of("reject reason=wrong-issuer requestId=lambda-req-7",
                "reject reason=wrong-issuer requestId=lambda-req-7 apiRequestId=api-req-9",
                "reject reason=wrong-issuer requestId=- apiRequestId=api-req-9"), rejects);
    }

    /** A Lambda context that only knows its request id. */
    private static Context lambdaContext(String requestId) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getAwsRequestId") ? requestId : null);
    }

    @Test
    void aRequestWaitsForAFetchUnderWayUpToTwiceTheFetchersOwnLimit() throws Exception {
        // Given connect and read timeouts of 1 s each, and a JWKS fetch (started after a restore)
        // that takes 300 ms
        fx.env.put("GATEHOUSE_JWKS_CONNECT_TIMEOUT_MS", "1000");
        fx.env.put("GATEHOUSE_JWKS_READ_TIMEOUT_MS", "1000");
        CountDownLatch fetching = new CountDownLatch(1);
        JwksFetcher slow = uri -> {
            fetching.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TestKeys.standardJwks().getBytes(StandardCharsets.UTF_8);
        };
        JwtAuthorizerHandler handler = new JwtAuthorizerHandler(fx.env::get, fx.clock, line -> { }, slow,
                task -> new Thread(task).start());
        handler.afterRestore(null);
        assertTrue(fetching.await(5, TimeUnit.SECONDS));

        // When a request arrives meanwhile, it waits for that fetch and is answered with its keys
        IamPolicyResponse response = handler.handleRequest(tokenEvent(fx.token().sign(), "GET", "/orders/1"), null);

        assertEquals("user-1", response.getPrincipalId());
        assertEquals(1, handler.keySource().fetchCount());
    }

    @Test
    void nullEventIsUnauthorized() {
        fx.handler();
        assertEquals("missing-token", fx.reject(null));
    }

    @Test
    void configurationErrorAnswersEveryRequest401AndIsLoggedOnce() {
        // Given an environment with two mistakes
        fx.env.remove("GATEHOUSE_ISSUER");
        fx.env.put("GATEHOUSE_ALGORITHMS", "HS256");

        // When the function starts and serves requests
        JwtAuthorizerHandler handler = fx.handler();
        String valid = fx.token().sign();
        for (int i = 0; i < 3; i++) {
            assertEquals("configuration-error", fx.reject(tokenEvent(valid, "GET", "/orders/1")));
        }

        // Then the error was logged once, naming both variables, and nothing was fetched
        List<String> errors = fx.logLines().stream().filter(l -> l.startsWith("configuration-error")).toList();
        assertEquals(1, errors.size(), fx.logLines().toString());
        assertTrue(errors.get(0).contains("GATEHOUSE_ISSUER: is required"), errors.get(0));
        assertTrue(errors.get(0).contains("GATEHOUSE_ALGORITHMS: 'HS256' is not allowed"), errors.get(0));
        assertFalse(handler.configured());
        assertEquals(0, fx.jwks.requests());
    }

    @Test
    void unexpectedExceptionsBecome401() {
        // A route-scopes configuration cannot throw at request time, but a broken event can reach
        // code paths that do: headers map that throws on access
        String token = fx.token().sign();
        APIGatewayCustomAuthorizerEvent event = requestEvent(new java.util.AbstractMap<>() {
            @Override
            public java.util.Set<Map.Entry<String, String>> entrySet() {
                throw new IllegalStateException("boom");
            }
        }, "GET", "/orders/{id}", "/orders/1");
        assertEquals("internal-error", fx.reject(event));
        assertEquals("user-1", fx.decide(tokenEvent(token, "GET", "/orders/1")).getPrincipalId());
    }
}
