package dev.gatehouse.database.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The JSON form of {@link DatabaseRoutes}: strict reading (every problem reported) and stable writing. */
final class RoutesJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static final Set<String> TOP_FIELDS = Set.of("version", "engine", "routes");
    private static final Set<String> ROUTE_FIELDS = Set.of("route", "sql", "result", "params", "pagination",
            "successStatus", "write", "maxRows");
    private static final Set<String> PARAM_FIELDS = Set.of("name", "in", "type", "items", "required",
            "maxLength", "minimum", "maximum", "maxItems");
    private static final Set<String> PAGINATION_FIELDS = Set.of("cursorColumn", "cursorType", "defaultLimit",
            "maxLimit");

    private RoutesJson() {
    }

    static String write(DatabaseRoutes routes) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", DatabaseRoutes.VERSION);
        root.put("engine", routes.engine().jsonName());
        ArrayNode list = root.putArray("routes");
        for (DatabaseRoute r : routes.routes()) {
            ObjectNode node = list.addObject();
            node.put("route", r.route());
            node.put("sql", r.sql());
            node.put("result", r.result().jsonName());
            if (r.write()) {
                node.put("write", true);
            }
            r.successStatus().ifPresent(s -> node.put("successStatus", s));
            r.maxRows().ifPresent(m -> node.put("maxRows", m));
            ArrayNode params = node.putArray("params");
            for (RouteParameter p : r.params()) {
                ObjectNode pn = params.addObject();
                pn.put("name", p.name());
                pn.put("in", p.location().jsonName());
                pn.put("type", p.type().jsonName());
                p.items().ifPresent(i -> pn.put("items", i.jsonName()));
                p.requiredSetting().ifPresent(req -> pn.put("required", req));
                p.maxLength().ifPresent(m -> pn.put("maxLength", m));
                p.minimum().ifPresent(m -> pn.put("minimum", m));
                p.maximum().ifPresent(m -> pn.put("maximum", m));
                p.maxItems().ifPresent(m -> pn.put("maxItems", m));
            }
            r.pagination().ifPresent(p -> {
                ObjectNode pn = node.putObject("pagination");
                pn.put("cursorColumn", p.cursorColumn());
                pn.put("cursorType", p.cursorType().jsonName());
                pn.put("defaultLimit", p.defaultLimit());
                pn.put("maxLimit", p.maxLimit());
            });
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }

    static DatabaseRoutes read(String json) {
        Reader reader = new Reader();
        DatabaseRoutes routes = reader.read(json);
        if (!reader.problems.isEmpty()) {
            throw new DatabaseConfigException(reader.problems);
        }
        return routes;
    }

    private static final class Reader {
        final List<ConfigProblem> problems = new ArrayList<>();

        DatabaseRoutes read(String json) {
            JsonNode root;
            try {
                root = MAPPER.readTree(json == null ? "" : json);
            } catch (JsonProcessingException e) {
                problems.add(new ConfigProblem(null, "the routes are not valid JSON: "
                        + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")",
                        "fix the JSON syntax"));
                return null;
            }
            if (root == null || !root.isObject()) {
                problems.add(new ConfigProblem(null, "the routes JSON is not an object",
                        "write {\"version\": 1, \"engine\": \"postgresql\", \"routes\": [...]}"));
                return null;
            }
            unknownFields(null, "the routes file", root, TOP_FIELDS);
            JsonNode version = root.get("version");
            if (version == null || !version.isInt() || version.intValue() != DatabaseRoutes.VERSION) {
                problems.add(new ConfigProblem(null, "version must be " + DatabaseRoutes.VERSION
                        + (version == null ? " but is missing" : " but is " + version), "set \"version\": 1"));
            }
            DatabaseEngine engine = enumField(null, root, "engine", DatabaseEngine::fromJsonName,
                    "postgresql or mysql", true).orElse(DatabaseEngine.POSTGRESQL);
            DatabaseRoutes.Builder builder = DatabaseRoutes.builder(engine);
            JsonNode routes = root.get("routes");
            if (routes == null || !routes.isArray()) {
                problems.add(new ConfigProblem(null, "routes must be an array of route objects",
                        "set \"routes\": [{\"route\": \"GET /...\", \"sql\": \"...\", ...}]"));
                return builder.build(); // (discarded: read throws on the problem, so null would be equivalent)
            }
            int index = 0;
            for (JsonNode node : routes) {
                readRoute(index++, node).ifPresent(builder::route);
            }
            return builder.build();
        }

        private Optional<DatabaseRoute> readRoute(int index, JsonNode node) {
            String subject = "routes[" + index + "]";
            if (!node.isObject()) {
                problems.add(new ConfigProblem(subject, "a route must be a JSON object", "write {\"route\": ..., \"sql\": ...}"));
                return Optional.empty();
            }
            Optional<String> route = text(subject, node, "route", true);
            String r = route.orElse(subject);
            unknownFields(r, "a route", node, ROUTE_FIELDS);
            DatabaseRoute.Builder b = DatabaseRoute.builder(r);
            text(r, node, "sql", true).ifPresent(b::sql);
            enumField(r, node, "result", ResultKind::fromJsonName, "one, list or none", true).ifPresent(b::result);
            bool(r, node, "write").ifPresent(b::write);
            integer(r, node, "successStatus").ifPresent(b::successStatus);
            integer(r, node, "maxRows").ifPresent(b::maxRows);
            JsonNode params = node.get("params");
            if (params != null && !params.isArray()) {
                problems.add(new ConfigProblem(r, "params must be an array", "write \"params\": [{\"name\": ...}]"));
            } else if (params != null) {
                for (JsonNode p : params) {
                    readParameter(r, p).ifPresent(b::param);
                }
            }
            JsonNode pagination = node.get("pagination");
            if (pagination != null && !pagination.isNull()) {
                readPagination(r, pagination).ifPresent(b::pagination);
            }
            return route.isPresent() ? Optional.of(b.build()) : Optional.empty();
        }

        private Optional<RouteParameter> readParameter(String r, JsonNode node) {
            if (!node.isObject()) {
                problems.add(new ConfigProblem(r, "a parameter must be a JSON object",
                        "write {\"name\": ..., \"in\": ..., \"type\": ...}"));
                return Optional.empty();
            }
            Optional<String> name = text(r, node, "name", true);
            unknownFields(r, "parameter '" + name.orElse("?") + "'", node, PARAM_FIELDS);
            Optional<ParameterLocation> in = enumField(r, node, "in", ParameterLocation::fromJsonName,
                    "path, query or body", true);
            Optional<ParameterType> type = enumField(r, node, "type", ParameterType::fromJsonName, TYPES, true);
            Optional<ParameterType> items = enumField(r, node, "items", ParameterType::fromJsonName, TYPES, false);
            Optional<Boolean> required = bool(r, node, "required");
            Optional<Integer> maxLength = integer(r, node, "maxLength");
            Optional<BigDecimal> minimum = decimal(r, node, "minimum");
            Optional<BigDecimal> maximum = decimal(r, node, "maximum");
            Optional<Integer> maxItems = integer(r, node, "maxItems");
            if (name.isEmpty() || in.isEmpty() || type.isEmpty()) {
                return Optional.empty();
            }
            RouteParameter.Builder b = RouteParameter.builder(name.get(), in.get(), type.get());
            items.ifPresent(b::items);
            required.ifPresent(b::required);
            maxLength.ifPresent(b::maxLength);
            minimum.ifPresent(b::minimum);
            maximum.ifPresent(b::maximum);
            maxItems.ifPresent(b::maxItems);
            return Optional.of(b.build());
        }

        private Optional<Pagination> readPagination(String r, JsonNode node) {
            if (!node.isObject()) {
                problems.add(new ConfigProblem(r, "pagination must be a JSON object",
                        "write {\"cursorColumn\": ..., \"cursorType\": ...}"));
                return Optional.empty();
            }
            unknownFields(r, "pagination", node, PAGINATION_FIELDS);
            Optional<String> column = text(r, node, "cursorColumn", true);
            Optional<ParameterType> type = enumField(r, node, "cursorType", ParameterType::fromJsonName, TYPES, true);
            Optional<Integer> defaultLimit = integer(r, node, "defaultLimit");
            Optional<Integer> maxLimit = integer(r, node, "maxLimit");
            if (column.isEmpty() || type.isEmpty()) {
                return Optional.empty();
            }
            Pagination.Builder b = Pagination.builder(column.get(), type.get());
            defaultLimit.ifPresent(b::defaultLimit);
            maxLimit.ifPresent(b::maxLimit);
            return Optional.of(b.build());
        }

        private static final String TYPES = "string, integer, number, boolean, timestamp, uuid, json or array";

        private void unknownFields(String r, String what, JsonNode node, Set<String> known) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!known.contains(field)) {
                    problems.add(new ConfigProblem(r, what + " has an unknown field \"" + field + "\"",
                            "remove it or correct its name; known fields: " + String.join(", ", known.stream().sorted().toList())));
                }
            }
        }

        private Optional<String> text(String r, JsonNode node, String field, boolean required) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    problems.add(new ConfigProblem(r, "\"" + field + "\" is missing", "set \"" + field + "\""));
                }
                return Optional.empty();
            }
            if (!v.isTextual()) {
                problems.add(new ConfigProblem(r, "\"" + field + "\" must be a string", "write it in double quotes"));
                return Optional.empty();
            }
            return Optional.of(v.textValue());
        }

        private <E> Optional<E> enumField(String r, JsonNode node, String field, Function<String, Optional<E>> lookup,
                String allowed, boolean required) {
            Optional<String> name = text(r, node, field, required);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            Optional<E> value = lookup.apply(name.get());
            if (value.isEmpty()) {
                problems.add(new ConfigProblem(r, "\"" + field + "\" is \"" + name.get() + "\"", "use " + allowed));
            }
            return value;
        }

        private Optional<Boolean> bool(String r, JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return Optional.empty();
            }
            if (!v.isBoolean()) {
                problems.add(new ConfigProblem(r, "\"" + field + "\" must be true or false", "write true or false without quotes"));
                return Optional.empty();
            }
            return Optional.of(v.booleanValue());
        }

        private Optional<Integer> integer(String r, JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return Optional.empty();
            }
            if (!v.isInt()) {
                problems.add(new ConfigProblem(r, "\"" + field + "\" must be a whole number", "write a number such as 100"));
                return Optional.empty();
            }
            return Optional.of(v.intValue());
        }

        private Optional<BigDecimal> decimal(String r, JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return Optional.empty();
            }
            if (!v.isNumber()) {
                problems.add(new ConfigProblem(r, "\"" + field + "\" must be a number", "write a number without quotes"));
                return Optional.empty();
            }
            return Optional.of(v.decimalValue());
        }
    }
}
