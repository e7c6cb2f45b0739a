package dev.gatehouse.integrations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The static response of a mock integration. */
public final class MockResponse {
    private final int statusCode;
    private final Map<String, String> headers;
    private final String contentType;
    private final String body;

    private MockResponse(Builder b) {
        this.statusCode = b.statusCode;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.contentType = b.contentType;
        this.body = b.body;
    }

    /** A JSON response, e.g. {@code MockResponse.json(200, "{\"status\":\"ok\"}")}. */
    public static MockResponse json(int statusCode, String body) {
        return builder().statusCode(statusCode).body(body).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Status code, 100 to 599. */
    public int getStatusCode() {
        return statusCode;
    }

    /** Static response headers (name to value), in declaration order. */
    public Map<String, String> getHeaders() {
        return headers;
    }

    /** Content type of the body; also the response's Content-Type header. */
    public String getContentType() {
        return contentType;
    }

    /** The body, sent as is. It may not contain '$' or '#' (rule GH203). */
    public String getBody() {
        return body;
    }

    /** Builds a {@link MockResponse}. */
    public static final class Builder {
        private int statusCode = 200;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String contentType = "application/json";
        private String body = "";

        private Builder() {
        }

        /** @param statusCode status code; default 200 */
        public Builder statusCode(int statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        /** Adds a static response header. */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** @param contentType content type of the body; default {@code application/json} */
        public Builder contentType(String contentType) {
            this.contentType = Objects.requireNonNull(contentType, "contentType");
            return this;
        }

        /** @param body the body; default empty */
        public Builder body(String body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        public MockResponse build() {
            return new MockResponse(this);
        }
    }
}
