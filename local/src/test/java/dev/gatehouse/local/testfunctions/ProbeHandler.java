package dev.gatehouse.local.testfunctions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Lambda handler for the local gateway's tests, with no dependencies (Lambda accepts any public
 * method taking the event): it answers with what it was given and what it can see, and on request
 * sleeps, throws (a message of one line or two), exits or answers a malformed result. Loaded from a code asset by the gateway.
 */
public class ProbeHandler {
    private static final AtomicInteger CONSTRUCTED = new AtomicInteger();
    private static final AtomicInteger INVOKED = new AtomicInteger();

    public ProbeHandler() {
        CONSTRUCTED.incrementAndGet();
    }

    public Map<String, Object> handleRequest(Map<String, Object> event) throws InterruptedException {
        INVOKED.incrementAndGet();
        Object query = event.get("queryStringParameters");
        String action = query instanceof Map<?, ?> q && q.get("action") != null ? q.get("action").toString() : "";
        switch (action) {
            case "sleep":
                Thread.sleep(Long.parseLong(((Map<?, ?>) query).get("ms").toString()));
                break;
            case "throw":
                throw new IllegalStateException("probe failed on purpose");
            case "throw-lines":
                throw new IllegalStateException("probe failed\non two lines");
            case "exit":
                System.exit(3);
                break;
            case "malformed":
                return Map.of("statusCode", "not a number");
            default:
                break;
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("event", event);
        description.put("greeting", System.getenv("GREETING"));
        description.put("taskRoot", System.getenv("LAMBDA_TASK_ROOT"));
        description.put("home", System.getenv("HOME"));
        description.put("constructed", CONSTRUCTED.get());
        description.put("invoked", INVOKED.get());
        description.put("loader", getClass().getClassLoader().getName());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("statusCode", 200);
        response.put("headers", Map.of("Content-Type", "application/json"));
        response.put("multiValueHeaders", Map.of("X-Probe", java.util.List.of("one", "two")));
        response.put("body", Json.write(description));
        return response;
    }
}
