package dev.gatehouse.local.internal.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code $input} of API Gateway's mapping templates: the payload ({@code body}, {@code json(path)},
 * {@code path(path)}) and the request parameters ({@code params()}, {@code params(name)}). JSONPath
 * expressions are the subset templates use: {@code $}, {@code $.a.b}, {@code $['a']}, {@code $.a[0]}.
 */
public final class InputVariable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String body;
    private final Map<String, Map<String, String>> params;
    private JsonNode parsed;

    /**
     * @param params "path", "querystring" and "header" to their values
     */
    public InputVariable(String body, Map<String, Map<String, String>> params) {
        this.body = body == null ? "" : body;
        this.params = params;
    }

    public String getBody() {
        return body;
    }

    /** The JSON text at a JSONPath of the payload ("null" when nothing is there). */
    public String json(String path) {
        JsonNode node = select(path);
        return node.isMissingNode() ? "null" : node.toString();
    }

    /** The value at a JSONPath of the payload, as maps, lists and values. */
    public Object path(String path) {
        JsonNode node = select(path);
        return node.isMissingNode() ? null : JSON.convertValue(node, Object.class);
    }

    /** All request parameters: path, querystring, header. */
    public Map<String, Map<String, String>> params() {
        return params;
    }

    /** A request parameter by name: path, then query string, then header. */
    public String params(String name) {
        for (String kind : new String[] {"path", "querystring", "header"}) {
            Map<String, String> values = params.getOrDefault(kind, Map.of());
            if (values.containsKey(name)) {
                return values.get(name);
            }
            if (kind.equals("header")) {
                for (Map.Entry<String, String> header : values.entrySet()) {
                    if (header.getKey().equalsIgnoreCase(name)) {
                        return header.getValue();
                    }
                }
            }
        }
        return "";
    }

    private JsonNode select(String path) {
        JsonNode node = document();
        String rest = path.trim();
        if (!rest.startsWith("$")) {
            return MissingNode.getInstance();
        }
        rest = rest.substring(1);
        while (!rest.isEmpty() && !node.isMissingNode()) {
            if (rest.startsWith(".")) {
                int end = 1;
                while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
                    end++;
                }
                node = node.path(rest.substring(1, end));
                rest = rest.substring(end);
            } else if (rest.startsWith("['") || rest.startsWith("[\"")) {
                int end = rest.indexOf(rest.charAt(1) + "]", 2);
                if (end < 0) {
                    return MissingNode.getInstance();
                }
                node = node.path(rest.substring(2, end));
                rest = rest.substring(end + 2);
            } else if (rest.startsWith("[")) {
                int end = rest.indexOf(']');
                try {
                    node = node.path(Integer.parseInt(rest.substring(1, end).trim()));
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    return MissingNode.getInstance();
                }
                rest = rest.substring(end + 1);
            } else {
                return MissingNode.getInstance();
            }
        }
        return node;
    }

    private JsonNode document() {
        if (parsed == null) {
            try {
                parsed = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                parsed = MissingNode.getInstance();
            }
        }
        return parsed;
    }

    /** Parameters of a request by kind, for {@link #InputVariable}. */
    public static Map<String, Map<String, String>> params(Map<String, String> path, Map<String, String> query,
            Map<String, String> headers) {
        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        params.put("path", path);
        params.put("querystring", query);
        params.put("header", headers);
        return params;
    }
}
