package dev.gatehouse.lambda.database.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.database.config.DatabaseRoutes;
import dev.gatehouse.database.config.Pagination;
import dev.gatehouse.database.config.ParameterLocation;
import dev.gatehouse.database.config.ParameterType;
import dev.gatehouse.database.config.RouteParameter;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a route's parameters from a request (path parameters, query string, JSON body), checks
 * each against its type and limits, and reports every problem at once. Query parameters and body
 * fields the route does not declare are rejected, so a misspelled filter is an error rather than
 * a silently broader query.
 */
public final class ParameterBinder {
    private final ObjectMapper mapper;
    private final ValueParser parser;
    private final CursorCodec cursors;

    public ParameterBinder(ObjectMapper mapper, ValueParser parser, CursorCodec cursors) {
        this.mapper = mapper;
        this.parser = parser;
        this.cursors = cursors;
    }

    /**
     * @param pathParameters the path parameters (from API Gateway, or matched from the path)
     * @throws InvalidRequestException listing every problem
     */
    public BoundRequest bind(CompiledRoute route, APIGatewayProxyRequestEvent event, Map<String, String> pathParameters)
            throws InvalidRequestException {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        Map<String, List<String>> query = query(event);
        JsonNode body = body(route, event, problems);
        for (RouteParameter p : route.route().params()) {
            Object value = null;
            switch (p.location()) {
                case PATH:
                    value = fromPath(p, pathParameters.get(p.name()), problems);
                    break;
                case QUERY:
                    value = fromQuery(p, query.get(p.name()), problems);
                    break;
                case BODY:
                    value = body == null ? null : fromBody(p, body.get(p.name()), problems);
                    break;
                default:
                    throw new IllegalStateException(p.location().toString());
            }
            values.put(p.name(), value);
        }
        int pageSize = 0;
        if (route.pagination().isPresent()) {
            pageSize = paginate(route.pagination().get(), query, values, problems);
        }
        unknownQueryParameters(route, query, problems);
        if (body != null) {
            for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (route.route().param(field).filter(p -> p.location() == ParameterLocation.BODY).isEmpty()) {
                    problems.add(new FieldProblem(field, "body", "is not a field of this route"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new BoundRequest(values, pageSize);
    }

    private static Map<String, List<String>> query(APIGatewayProxyRequestEvent event) {
        Map<String, List<String>> multi = event.getMultiValueQueryStringParameters();
        if (multi != null) {
            return multi;
        }
        Map<String, String> single = event.getQueryStringParameters();
        Map<String, List<String>> query = new HashMap<>();
        if (single != null) {
            single.forEach((k, v) -> query.put(k, List.of(v)));
        }
        return query;
    }

    private JsonNode body(CompiledRoute route, APIGatewayProxyRequestEvent event, List<FieldProblem> problems) {
        boolean takesBody = route.route().params().stream().anyMatch(p -> p.location() == ParameterLocation.BODY);
        String text = event.getBody();
        if (text != null && Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("body", "body", "is not valid base64"));
                return null;
            }
            try {
                text = UnicodeText.utf8(bytes);
            } catch (CharacterCodingException e) {
                problems.add(new FieldProblem("body", "body", "is not valid UTF-8"));
                return null;
            }
        }
        boolean empty = text == null || text.isBlank();
        if (!takesBody) {
            if (!empty) {
                problems.add(new FieldProblem("body", "body", "this route takes no request body"));
            }
            return null;
        }
        if (empty) {
            return mapper.createObjectNode();
        }
        JsonNode node;
        try {
            node = parser.readJson(text, "is not valid JSON");
        } catch (ValueParser.BadValue e) {
            problems.add(new FieldProblem("body", "body", e.getMessage()));
            return null;
        }
        if (!node.isObject()) {
            problems.add(new FieldProblem("body", "body", "must be a JSON object"));
            return null;
        }
        return node;
    }

    private Object fromPath(RouteParameter p, String text, List<FieldProblem> problems) {
        if (text == null) {
            problems.add(new FieldProblem(p.name(), "path", "is required"));
            return null;
        }
        try {
            return parser.fromText(p.type(), text, p);
        } catch (ValueParser.BadValue e) {
            problems.add(new FieldProblem(p.name(), "path", e.getMessage()));
            return null;
        }
    }

    private Object fromQuery(RouteParameter p, List<String> texts, List<FieldProblem> problems) {
        if (texts == null || texts.isEmpty()) {
            if (p.isRequired()) {
                problems.add(new FieldProblem(p.name(), "query", "is required"));
            }
            return null;
        }
        if (p.type() == ParameterType.ARRAY) {
            if (texts.size() > p.effectiveMaxItems()) {
                problems.add(new FieldProblem(p.name(), "query", "has more than " + p.effectiveMaxItems() + " values"));
                return null;
            }
            List<Object> list = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                try {
                    list.add(parser.fromText(p.scalarType(), texts.get(i), p));
                } catch (ValueParser.BadValue e) {
                    problems.add(new FieldProblem(p.name() + "[" + i + "]", "query", e.getMessage()));
                }
            }
            return list;
        }
        if (texts.size() > 1) {
            problems.add(new FieldProblem(p.name(), "query", "must be given once"));
            return null;
        }
        try {
            return parser.fromText(p.type(), texts.get(0), p);
        } catch (ValueParser.BadValue e) {
            problems.add(new FieldProblem(p.name(), "query", e.getMessage()));
            return null;
        }
    }

    private Object fromBody(RouteParameter p, JsonNode node, List<FieldProblem> problems) {
        if (node == null || node.isNull()) {
            if (p.isRequired()) {
                problems.add(new FieldProblem(p.name(), "body", "is required"));
            }
            return null;
        }
        try {
            if (p.type() != ParameterType.ARRAY) {
                return parser.fromJson(p.type(), node, p);
            }
            if (!node.isArray()) {
                problems.add(new FieldProblem(p.name(), "body", "must be an array"));
                return null;
            }
            if (node.size() > p.effectiveMaxItems()) {
                problems.add(new FieldProblem(p.name(), "body", "has more than " + p.effectiveMaxItems() + " items"));
                return null;
            }
            List<Object> list = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                if (element.isNull()) {
                    problems.add(new FieldProblem(p.name() + "[" + i + "]", "body", "must not be null"));
                    continue;
                }
                try {
                    list.add(parser.fromJson(p.scalarType(), element, p));
                } catch (ValueParser.BadValue e) {
                    problems.add(new FieldProblem(p.name() + "[" + i + "]", "body", e.getMessage()));
                }
            }
            return list;
        } catch (ValueParser.BadValue e) {
            problems.add(new FieldProblem(p.name(), "body", e.getMessage()));
            return null;
        }
    }

    private int paginate(Pagination pagination, Map<String, List<String>> query, Map<String, Object> values,
            List<FieldProblem> problems) {
        int pageSize = pagination.defaultLimit();
        List<String> limit = query.get(DatabaseRoutes.LIMIT_PARAMETER);
        if (limit != null && !limit.isEmpty()) {
            String problem = "must be an integer between 1 and " + pagination.maxLimit();
            if (limit.size() > 1) {
                problems.add(new FieldProblem(DatabaseRoutes.LIMIT_PARAMETER, "query", "must be given once"));
            } else if (!limit.get(0).matches("\\d{1,4}") || Integer.parseInt(limit.get(0)) < 1
                    || Integer.parseInt(limit.get(0)) > pagination.maxLimit()) {
                problems.add(new FieldProblem(DatabaseRoutes.LIMIT_PARAMETER, "query", problem));
            } else {
                pageSize = Integer.parseInt(limit.get(0));
            }
        }
        values.put(DatabaseRoutes.LIMIT_PARAMETER, (long) pageSize + 1);
        Object cursor = null;
        List<String> cursorText = query.get(DatabaseRoutes.CURSOR_PARAMETER);
        if (cursorText != null && !cursorText.isEmpty()) {
            if (cursorText.size() > 1) {
                problems.add(new FieldProblem(DatabaseRoutes.CURSOR_PARAMETER, "query", "must be given once"));
            } else {
                try {
                    cursor = cursors.decode(pagination.cursorType(), cursorText.get(0));
                } catch (ValueParser.BadValue e) {
                    problems.add(new FieldProblem(DatabaseRoutes.CURSOR_PARAMETER, "query", e.getMessage()));
                }
            }
        }
        values.put(DatabaseRoutes.CURSOR_PARAMETER, cursor);
        return pageSize;
    }

    private static void unknownQueryParameters(CompiledRoute route, Map<String, List<String>> query,
            List<FieldProblem> problems) {
        Set<String> reserved = route.pagination().isPresent()
                ? Set.of(DatabaseRoutes.CURSOR_PARAMETER, DatabaseRoutes.LIMIT_PARAMETER) : Set.of();
        for (String name : query.keySet()) {
            boolean declared = route.route().param(name).filter(p -> p.location() == ParameterLocation.QUERY).isPresent();
            if (!declared && !reserved.contains(name)) {
                problems.add(new FieldProblem(name, "query", "is not a parameter of this route"));
            }
        }
    }
}
