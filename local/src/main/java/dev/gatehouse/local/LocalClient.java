package dev.gatehouse.local;

import dev.gatehouse.local.internal.http.GatewayRequest;
import dev.gatehouse.local.internal.http.GatewayResult;
import dev.gatehouse.local.internal.http.Headers;
import dev.gatehouse.local.internal.http.HttpFront;
import dev.gatehouse.local.internal.pipeline.Gateway;
import dev.gatehouse.local.internal.pipeline.GatewayError;
import dev.gatehouse.local.internal.pipeline.ResponseType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends requests to the local gateway in-process (no socket): the same path through the stage as
 * a request on the port, answered synchronously.
 *
 * <pre>{@code
 * LocalResponse health = gateway.client().get("/health").send();
 * LocalResponse order = gateway.client().post("/orders", "{\"customer\":\"ada\",\"total\":3}")
 *         .header("Authorization", "Bearer " + token).send();
 * }</pre>
 */
public final class LocalClient {
    private final Gateway gateway;

    LocalClient(Gateway gateway) {
        this.gateway = gateway;
    }

    /** A request; {@code pathAndQuery} is the path in the stage ("/orders/1?x=y"), not prefixed by the stage. */
    public Request request(String method, String pathAndQuery) {
        return new Request(method.toUpperCase(Locale.ROOT), pathAndQuery);
    }

    public Request get(String pathAndQuery) {
        return request("GET", pathAndQuery);
    }

    public Request delete(String pathAndQuery) {
        return request("DELETE", pathAndQuery);
    }

    public Request post(String pathAndQuery, String jsonBody) {
        return request("POST", pathAndQuery).header("Content-Type", "application/json").body(jsonBody);
    }

    public Request put(String pathAndQuery, String jsonBody) {
        return request("PUT", pathAndQuery).header("Content-Type", "application/json").body(jsonBody);
    }

    /** One request being built; {@link #send()} sends it. */
    public final class Request {
        private final String method;
        private final String path;
        private final String query;
        private final Headers headers = new Headers();
        private byte[] body = new byte[0];
        private String sourceIp = "127.0.0.1";

        Request(String method, String pathAndQuery) {
            if (!pathAndQuery.startsWith("/")) {
                throw new IllegalArgumentException("the path must start with '/': " + pathAndQuery);
            }
            int question = pathAndQuery.indexOf('?');
            this.method = method;
            this.path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
            this.query = question < 0 ? null : pathAndQuery.substring(question + 1);
            headers.add("Host", "localhost");
            headers.add("User-Agent", "gatehouse-local-client");
        }

        /** Adds a header value (a second call with the same name adds a second value). */
        public Request header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        public Request body(String text) {
            this.body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Request body(byte[] bytes) {
            this.body = bytes.clone();
            return this;
        }

        /** The caller's address ({@code $context.identity.sourceIp}); 127.0.0.1 unless set. */
        public Request sourceIp(String address) {
            this.sourceIp = address;
            return this;
        }

        public LocalResponse send() {
            if (body.length > 0 && !headers.contains("Content-Length")) {
                headers.set("Content-Length", Integer.toString(body.length));
            }
            GatewayRequest request = new GatewayRequest(method, path, query, headers, body, sourceIp, "HTTP/1.1");
            // the port's limit, applied in-process too
            GatewayResult result = body.length > HttpFront.MAX_BODY_BYTES
                    ? gateway.refuse(request, new GatewayError(ResponseType.REQUEST_TOO_LARGE))
                    : gateway.handle(request);
            return new LocalResponse(result.status(), result.headers().asMap(), result.body());
        }
    }
}
