package dev.gatehouse.local.internal.http;

import java.nio.charset.StandardCharsets;

/** A response of the gateway: status, headers, body bytes. */
public record GatewayResult(int status, Headers headers, byte[] body) {

    public static GatewayResult json(int status, String body) {
        return new GatewayResult(status, new Headers().add("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
