package dev.gatehouse.local.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request as the gateway received it, from a socket or from the in-process client.
 *
 * @param rawPath the path as sent (percent-encoded), without the query string
 * @param rawQuery the query string as sent, or null
 */
public record GatewayRequest(String method, String rawPath, String rawQuery, Headers headers, byte[] body,
        String sourceIp, String protocol) {

    /** Query string parameters, decoded, in order; a name without '=' has the value "". */
    public List<Map.Entry<String, String>> queryParameters() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            out.add(Map.entry(decode(name), decode(value)));
        }
        return out;
    }

    /** The request path, decoded. */
    public String path() {
        return decode(rawPath.replace("+", "%2B"));
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
