package dev.gatehouse.local.testfunctions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TOKEN authorizer for the local gateway's tests. The token says what to answer: "allow-NAME"
 * (Allow on the method ARN, principal NAME), "deny" (an explicit Deny), "elsewhere" (Allow on
 * another resource only), "unauthorized", "boom" (another error), "nested" (an object in the
 * context). A token listed in the file named by REVOKED_FILE is answered "Unauthorized". The
 * context counts the invocations.
 */
public class ProbeAuthorizer {
    private static final AtomicInteger CALLS = new AtomicInteger();

    public Map<String, Object> handleRequest(Map<String, Object> event) throws IOException {
        int calls = CALLS.incrementAndGet();
        // TOKEN: the token; REQUEST: the X-Key header, and the context says which kind asked
        Object headers = event.get("headers");
        String token = "REQUEST".equals(event.get("type")) && headers instanceof Map<?, ?> h
                ? String.valueOf(h.get("X-Key")) : String.valueOf(event.get("authorizationToken"));
        String methodArn = String.valueOf(event.get("methodArn"));
        String revoked = System.getenv("REVOKED_FILE");
        if (revoked != null && Files.exists(Path.of(revoked)) && Files.readAllLines(Path.of(revoked)).contains(token)) {
            throw new RuntimeException("Unauthorized");
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("calls", calls);
        context.put("token", token);
        context.put("trusted", true);
        context.put("type", String.valueOf(event.get("type")));
        switch (token) {
            case "unauthorized":
                throw new RuntimeException("Unauthorized");
            case "boom":
                throw new IllegalStateException("authorizer broke");
            case "deny":
                return answer("denied", "Deny", methodArn, context);
            case "elsewhere":
                return answer("elsewhere", "Allow", methodArn.substring(0, methodArn.indexOf('/')) + "/prod/GET/other", context);
            case "nested":
                context.put("nested", Map.of("a", 1));
                return answer("nested", "Allow", methodArn, context);
            default:
                if (token.startsWith("allow-")) {
                    // allow every method and path of the stage, so a cached decision covers other routes
                    return answer(token.substring("allow-".length()), "Allow",
                            methodArn.substring(0, methodArn.indexOf('/')) + "/*", context);
                }
                throw new RuntimeException("Unauthorized");
        }
    }

    private static Map<String, Object> answer(String principal, String effect, String resource, Map<String, Object> context) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Action", "execute-api:Invoke");
        statement.put("Effect", effect);
        statement.put("Resource", List.of(resource));
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("principalId", principal);
        output.put("policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(statement)));
        output.put("context", context);
        return output;
    }
}
