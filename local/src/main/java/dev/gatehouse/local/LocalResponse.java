package dev.gatehouse.local;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A response of the local gateway to a {@link LocalClient} request. */
public final class LocalResponse {
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    LocalResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this.status = status;
        TreeMap<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(headers);
        this.headers = sorted;
        this.body = body.clone();
    }

    public int status() {
        return status;
    }

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** All values of a header (any case). */
    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** Every header, names in any case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The body as UTF-8 text. */
    public String body() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public byte[] bodyBytes() {
        return body.clone();
    }

    @Override
    public String toString() {
        return status + " " + body();
    }
}
