package dev.gatehouse.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;

/**
 * Runs a mapping template the way API Gateway does, as far as Gatehouse's templates need: Apache
 * Velocity with Velocity 1.7's rules (API Gateway's engine: no empty-string check in #if,
 * backward-compatible whitespace), and the variables of API Gateway's reference ("API Gateway
 * mapping template and access logging variable reference"): {@code $input} (body, path, json,
 * params), {@code $util} (escapeJavaScript with commons-lang's escapes, urlEncode) and
 * {@code $context} (requestId, authorizer, responseOverride.status).
 */
final class ApiGatewayVtl {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider()).mappingProvider(new JacksonMappingProvider())
            .options(Option.DEFAULT_PATH_LEAF_TO_NULL).build();
    private static final VelocityEngine ENGINE = engine();

    /** A method request: body and parameters. */
    record Request(String body, Map<String, String> path, Map<String, String> querystring, Map<String, String> header,
            Map<String, Object> authorizer) {
        static Request body(String body) {
            return new Request(body, Map.of(), Map.of(), Map.of(), Map.of());
        }
    }

    /** What a template rendered, and the status it set through $context.responseOverride.status, if any. */
    record Result(String body, Integer status) {
    }

    private ApiGatewayVtl() {
    }

    /** Renders a request template for {@code request}. */
    static Result request(String template, Request request) {
        return render(template, request.body(), request);
    }

    /** Renders a response template for the service's answer {@code body}. */
    static Result response(String template, String body) {
        return render(template, body, Request.body(""));
    }

    private static Result render(String template, String body, Request request) {
        VelocityContext context = new VelocityContext();
        context.put("input", new Input(body, request));
        context.put("util", new Util());
        Map<String, Object> responseOverride = new LinkedHashMap<>();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("requestId", "c0ffee00-0000-4000-8000-000000000001");
        variables.put("authorizer", request.authorizer());
        variables.put("responseOverride", responseOverride);
        context.put("context", variables);
        StringWriter out = new StringWriter();
        ENGINE.evaluate(context, out, "template", template);
        Object status = responseOverride.get("status");
        return new Result(out.toString(), status == null ? null : ((Number) status).intValue());
    }

    private static VelocityEngine engine() {
        Properties properties = new Properties();
        properties.setProperty("directive.if.empty_check", "false");
        properties.setProperty("parser.space_gobbling", "bc");
        properties.setProperty("runtime.strict_mode.enable", "false");
        VelocityEngine engine = new VelocityEngine(properties);
        engine.init();
        return engine;
    }

    /** {@code $input}. */
    public static final class Input {
        private final String body;
        private final Request request;

        Input(String body, Request request) {
            this.body = body;
            this.request = request;
        }

        public String getBody() {
            return body;
        }

        /** The JSONPath's value as Java objects (maps, lists, strings, numbers), or null where there is none. */
        public Object path(String jsonPath) {
            if (body == null || body.isBlank()) {
                return null;
            }
            try {
                return JsonPath.using(JSON_PATH).parse(body).read(jsonPath);
            } catch (PathNotFoundException e) {
                return null;
            }
        }

        /** The JSONPath's value as JSON text. */
        public String json(String jsonPath) throws JsonProcessingException {
            return JSON.writeValueAsString(path(jsonPath));
        }

        public Map<String, Map<String, String>> params() {
            Map<String, Map<String, String>> params = new LinkedHashMap<>();
            params.put("path", request.path());
            params.put("querystring", request.querystring());
            params.put("header", request.header());
            return params;
        }
    }

    /** {@code $util}. */
    public static final class Util {
        /** commons-lang 2's StringEscapeUtils.escapeJavaScript, which API Gateway documents it uses. */
        public String escapeJavaScript(Object value) {
            if (value == null) {
                return null;
            }
            String s = value.toString();
            StringBuilder out = new StringBuilder(s.length() + 16);
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\'' -> out.append("\\'");
                    case '\\' -> out.append("\\\\");
                    case '/' -> out.append("\\/");
                    case '\b' -> out.append("\\b");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    case '\f' -> out.append("\\f");
                    case '\r' -> out.append("\\r");
                    default -> {
                        if (c < 32 || c > 0x7f) {
                            out.append(String.format("\\u%04X", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.toString();
        }

        public String urlEncode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
