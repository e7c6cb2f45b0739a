package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lambda authorizers invoked, cached and enforced as API Gateway does, with a test authorizer. */
class AuthorizersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalGateway gateway;

    @BeforeAll
    static void serve() {
        gateway = LocalGateway.of(TestApps.probe(), TestApps.PROBE_STACK);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static LocalResponse guarded(String path, String token) {
        LocalClient.Request request = gateway.client().get(path);
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.send();
    }

    private static JsonNode authorizerContext(LocalResponse response) throws Exception {
        assertEquals(200, response.status(), response.body());
        return JSON.readTree(response.body()).path("event").path("requestContext").path("authorizer");
    }

    @Test
    void missingOrInvalidTokenIs401WithoutInvokingTheAuthorizer() throws Exception {
        int before = authorizerContext(guarded("/guarded", "allow-counter")).path("calls").asInt();
        LocalResponse missing = guarded("/guarded", null);
        assertEquals(401, missing.status());
        assertEquals("{\"message\":\"Unauthorized\"}", missing.body());
        // a token failing the validation expression (^[a-z-]+$) is refused the same way
        assertEquals(401, guarded("/guarded", "Not Valid 123").status());
        gateway.clock().advance(Duration.ofSeconds(61));
        int after = authorizerContext(guarded("/guarded", "allow-counter")).path("calls").asInt();
        assertEquals(before + 1, after, "the authorizer ran for the refused requests");
    }

    @Test
    void resultIsCachedPerTokenForTheTtlAndItsContextReachesTheIntegration() throws Exception {
        JsonNode first = authorizerContext(guarded("/guarded", "allow-ada"));
        assertEquals("ada", first.path("principalId").asText());
        assertEquals("allow-ada", first.path("token").asText());
        assertTrue(first.path("trusted").asBoolean());
        // within the TTL, another route with the same token reuses the cached policy
        JsonNode cached = authorizerContext(guarded("/guarded/9", "allow-ada"));
        assertEquals(first.path("calls").asInt(), cached.path("calls").asInt());
        // after the TTL (60 s) the authorizer runs again
        gateway.clock().advance(Duration.ofSeconds(60));
        JsonNode again = authorizerContext(guarded("/guarded", "allow-ada"));
        assertTrue(again.path("calls").asInt() > first.path("calls").asInt());
    }

    @Test
    void aRevokedTokenIsStillAdmittedWithinTheTtlAsOnAws() throws Exception {
        authorizerContext(guarded("/guarded", "allow-revoked"));
        Files.writeString(TestApps.REVOKED, "allow-revoked\n");
        try {
            assertEquals(200, guarded("/guarded", "allow-revoked").status());
            gateway.clock().advance(Duration.ofSeconds(61));
            assertEquals(401, guarded("/guarded", "allow-revoked").status());
        } finally {
            Files.delete(TestApps.REVOKED);
        }
    }

    @Test
    void policiesAreEvaluatedAgainstTheMethodArn() {
        LocalResponse explicit = guarded("/guarded", "deny");
        assertEquals(403, explicit.status());
        assertEquals("{\"message\":\"User is not authorized to access this resource with an explicit deny\"}",
                explicit.body());
        assertEquals("AccessDeniedException", explicit.header("x-amzn-ErrorType"));
        LocalResponse implicit = guarded("/guarded", "elsewhere");
        assertEquals(403, implicit.status());
        assertEquals("{\"message\":\"User is not authorized to access this resource\"}", implicit.body());
    }

    @Test
    void requestAuthorizerNeedsEveryIdentitySourceAndCachesPerTheirValues() throws Exception {
        assertEquals(401, gateway.client().get("/requested?tenant=a").send().status());
        assertEquals(401, gateway.client().get("/requested").header("X-Key", "allow-req").send().status());
        JsonNode first = authorizerContext(gateway.client().get("/requested?tenant=a").header("X-Key", "allow-req").send());
        assertEquals("REQUEST", first.path("type").asText());
        assertEquals("req", first.path("principalId").asText());
        // the same identity sources reuse the cached result; another tenant is another cache entry
        JsonNode cached = authorizerContext(gateway.client().get("/requested?tenant=a").header("X-Key", "allow-req").send());
        assertEquals(first.path("calls").asInt(), cached.path("calls").asInt());
        JsonNode other = authorizerContext(gateway.client().get("/requested?tenant=b").header("X-Key", "allow-req").send());
        assertTrue(other.path("calls").asInt() > first.path("calls").asInt());
    }

    @Test
    void unauthorizedAnswers401AndOtherAuthorizerFailures500() {
        assertEquals(401, guarded("/guarded", "unauthorized").status());
        LocalResponse broken = guarded("/guarded", "boom");
        assertEquals(500, broken.status());
        assertEquals("{\"message\":null}", broken.body());
        LocalResponse nested = guarded("/guarded", "nested");
        assertEquals(500, nested.status());
        assertEquals("AuthorizerConfigurationException", nested.header("x-amzn-ErrorType"));
    }
}
