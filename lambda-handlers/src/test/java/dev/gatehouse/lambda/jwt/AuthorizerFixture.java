package dev.gatehouse.lambda.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * A handler wired to a real local JWKS server, a hand-moved clock and a captured log. Every
 * captured log line is checked never to contain a token the test handed in.
 */
final class AuthorizerFixture implements AutoCloseable {
    static final String PREFIX = "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/";
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    static final String SHOP_ROUTES = "{\"routes\": {"
            + "\"GET /\": [],"
            + "\"GET /orders\": [\"orders:read\"],"
            + "\"POST /orders\": [\"orders:write\"],"
            + "\"GET /orders/{id}\": [\"orders:read\"],"
            + "\"DELETE /orders/{id}\": [\"orders:admin\"],"
            + "\"GET /orders/{id}/lines\": [\"orders:read\"],"
            + "\"GET /orders/export\": [\"orders:admin\"],"
            + "\"ANY /files/{path+}\": [\"files\"],"
            + "\"GET /users/me\": [],"
            + "\"GET /users/{id}\": [\"users:read\"]}}";

    final JwksServer jwks;
    final MutableClock clock = new MutableClock(START);
    final List<String> log = new ArrayList<>();
    final Map<String, String> env = new HashMap<>();
    final List<String> tokensSeen = new ArrayList<>();
    final ConcurrentLinkedQueue<Runnable> queued = new ConcurrentLinkedQueue<>();
    Executor refreshExecutor = Runnable::run;
    private JwtAuthorizerHandler handler;

    AuthorizerFixture() throws IOException {
        this(TestKeys.standardJwks());
    }

    AuthorizerFixture(String jwksBody) throws IOException {
        jwks = new JwksServer(jwksBody);
        env.put("GATEHOUSE_JWKS_URL", jwks.uri().toString());
        env.put("GATEHOUSE_ISSUER", Tokens.ISSUER);
        env.put("GATEHOUSE_AUDIENCE", Tokens.AUDIENCE);
        env.put("GATEHOUSE_ALGORITHMS", "RS256,PS256,ES256,ES384");
        env.put("GATEHOUSE_ROUTE_SCOPES", SHOP_ROUTES);
        // Short enough for the timeout tests, long enough for a busy machine (the mutation tests
        // run these tests thousands of times on two cores)
        env.put("GATEHOUSE_JWKS_CONNECT_TIMEOUT_MS", "1000");
        env.put("GATEHOUSE_JWKS_READ_TIMEOUT_MS", "1000");
    }

    /** Refresh-ahead tasks wait in {@link #queued} until the test runs them. */
    AuthorizerFixture queueRefreshes() {
        refreshExecutor = queued::add;
        return this;
    }

    JwtAuthorizerHandler handler() {
        if (handler == null) {
            handler = new JwtAuthorizerHandler(env::get, clock, line -> {
                synchronized (log) {
                    log.add(line);
                }
            }, null, refreshExecutor);
        }
        return handler;
    }

    int fetches() {
        return handler().keySource().fetchCount();
    }

    Tokens token() {
        return Tokens.at(clock.instant());
    }

    static APIGatewayCustomAuthorizerEvent tokenEvent(String authorizationToken, String method, String path) {
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("TOKEN");
        event.setAuthorizationToken(authorizationToken);
        event.setMethodArn(PREFIX + method + path);
        return event;
    }

    static APIGatewayCustomAuthorizerEvent requestEvent(Map<String, String> headers, String method, String resource,
            String path) {
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("REQUEST");
        event.setHeaders(headers);
        event.setHttpMethod(method);
        event.setResource(resource);
        event.setPath(path);
        event.setMethodArn(PREFIX + method + path);
        return event;
    }

    /** A TOKEN request for {@code GET /orders/1} with {@code Bearer token}. */
    IamPolicyResponse allow(String token) {
        return decide(tokenEvent("Bearer " + remember(token), "GET", "/orders/1"));
    }

    IamPolicyResponse decide(APIGatewayCustomAuthorizerEvent event) {
        rememberTokens(event);
        return handler().handleRequest(event, null);
    }

    /** Asserts the request is answered exactly {@code RuntimeException("Unauthorized")}; the logged reason. */
    String reject(APIGatewayCustomAuthorizerEvent event) {
        rememberTokens(event);
        int before = log.size();
        RuntimeException e = assertThrows(RuntimeException.class, () -> handler().handleRequest(event, null));
        assertEquals(RuntimeException.class, e.getClass());
        assertEquals("Unauthorized", e.getMessage());
        String reason = null;
        for (String line : log.subList(before, log.size())) {
            if (line.startsWith("reject reason=")) {
                reason = line.substring("reject reason=".length(), line.indexOf(' ', "reject reason=".length()));
            }
        }
        return reason;
    }

    /** The logged reason a TOKEN request for {@code GET /orders/1} with this token was refused. */
    String rejectToken(String token) {
        return reject(tokenEvent("Bearer " + remember(token), "GET", "/orders/1"));
    }

    private void rememberTokens(APIGatewayCustomAuthorizerEvent event) {
        if (event == null) {
            return;
        }
        remember(event.getAuthorizationToken());
        if (event.getHeaders() != null) {
            try {
                event.getHeaders().values().forEach(this::remember);
            } catch (IllegalStateException deliberatelyBrokenMap) {
                // a test hands in a map that throws
            }
        }
    }

    private String remember(String token) {
        if (token != null && token.length() > 20) {
            tokensSeen.add(token);
        }
        return token;
    }

    List<String> logLines() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /**
     * Asserts that no log line contains a token handed in (or its signature); returns how many
     * lines were checked, so a test can tell the check from a vacuous one.
     */
    int assertNoTokenInLog() {
        List<String> lines = logLines();
        for (String line : lines) {
            for (String token : tokensSeen) {
                String signature = token.substring(token.lastIndexOf('.') + 1);
                assertFalse(line.contains(token) || (signature.length() > 20 && line.contains(signature)),
                        "a token reached the log: " + line);
            }
        }
        return lines.size();
    }

    @Override
    public void close() {
        jwks.close();
        assertNoTokenInLog();
    }
}
