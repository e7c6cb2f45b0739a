package dev.gatehouse.database.config;

import dev.gatehouse.path.PathGrammar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks behind {@link DatabaseRoutes#validate()}; every problem is reported, not the first. */
final class RoutesValidator {
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Set<String> RESERVED = Set.of(DatabaseRoutes.CURSOR_PARAMETER, DatabaseRoutes.LIMIT_PARAMETER);
    private static final Set<String> READ_KEYWORDS = Set.of("SELECT", "WITH", "VALUES", "TABLE", "SHOW");
    /** Words that make a statement change data wherever they appear (as in a data-modifying CTE). */
    private static final Set<String> WRITE_WORDS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE");
    private static final Set<ParameterType> CURSOR_TYPES = EnumSet.of(ParameterType.INTEGER,
            ParameterType.NUMBER, ParameterType.STRING, ParameterType.TIMESTAMP, ParameterType.UUID);

    private final DatabaseEngine engine;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private RoutesValidator(DatabaseEngine engine) {
        this.engine = engine;
    }

    static List<ConfigProblem> validate(DatabaseRoutes routes) {
        RoutesValidator v = new RoutesValidator(routes.engine());
        v.check(routes);
        return List.copyOf(v.problems);
    }

    private void report(String route, String problem, String fix) {
        problems.add(new ConfigProblem(route, problem, fix));
    }

    private void check(DatabaseRoutes routes) {
        if (routes.routes().isEmpty()) {
            report(null, "there are no routes", "add at least one route");
        }
        Map<String, String> shapes = new HashMap<>();
        for (DatabaseRoute route : routes.routes()) {
            RouteKey key = null;
            List<PathGrammar.Problem> routeProblems = RouteKey.problems(route.route());
            if (routeProblems.isEmpty()) {
                key = RouteKey.parse(route.route());
            }
            for (PathGrammar.Problem problem : routeProblems) {
                report(route.route(), problem.message(), problem.fix());
            }
            if (key != null) {
                String earlier = shapes.putIfAbsent(key.shape(), route.route());
                if (earlier != null) {
                    report(route.route(), "the route duplicates \"" + earlier + "\" (same method and path shape)",
                            "remove one of them or give them different paths");
                }
            }
            checkRoute(route, key);
        }
    }

    private void checkRoute(DatabaseRoute route, RouteKey key) {
        String r = route.route();
        NamedSql sql = null;
        if (route.sql().isBlank()) {
            report(r, "the SQL is empty", "set sql to the statement the route runs");
        } else {
            try {
                sql = NamedSql.parse(route.sql(), engine);
                if (sql.statements().isEmpty()) {
                    report(r, "the SQL has no statement (only comments or ';')", "set sql to the statement the route runs");
                    sql = null;
                }
            } catch (SqlSyntaxException e) {
                report(r, "the SQL cannot be read: " + e.getMessage(), "close the literal, identifier or comment,"
                        + " and use :name placeholders instead of ?");
            }
        }
        checkParameters(route, key);
        if (sql != null) {
            checkSqlParameters(route, sql);
            checkStatements(route, key, sql);
        }
        checkResult(route);
        NamedSql parsed = sql;
        route.pagination().ifPresent(p -> checkPagination(route, p, parsed));
    }

    private void checkParameters(DatabaseRoute route, RouteKey key) {
        String r = route.route();
        Set<String> seen = new HashSet<>();
        for (RouteParameter p : route.params()) {
            String name = p.name();
            if (!NAME.matcher(name).matches()) {
                report(r, "parameter name '" + name + "' is not valid",
                        "use letters, digits and '_', starting with a letter or '_'");
            }
            if (!seen.add(name)) {
                report(r, "parameter '" + name + "' is declared twice", "declare each parameter once");
            }
            if (route.pagination().isPresent() && RESERVED.contains(name)) {
                report(r, "parameter '" + name + "' is reserved by pagination",
                        "rename it; :cursor and :limit are bound by the proxy on paginated routes");
            }
            checkParameterPlacement(r, key, p);
            checkParameterType(r, p);
        }
        if (key != null) {
            for (String pathName : key.pathParameters()) {
                boolean declared = route.params().stream()
                        .anyMatch(p -> p.name().equals(pathName) && p.location() == ParameterLocation.PATH);
                if (!declared) {
                    report(r, "path parameter {" + pathName + "} is not declared",
                            "add {\"name\": \"" + pathName + "\", \"in\": \"path\", \"type\": ...} to params");
                }
            }
        }
    }

    private void checkParameterPlacement(String r, RouteKey key, RouteParameter p) {
        String name = p.name();
        switch (p.location()) {
            case PATH:
                if (key != null && !key.pathParameters().contains(name)) {
                    report(r, "path parameter '" + name + "' is not in the route path",
                            "add {" + name + "} to the path, or change \"in\" to query or body");
                }
                if (p.requiredSetting().filter(req -> !req).isPresent()) {
                    report(r, "path parameter '" + name + "' is marked required: false",
                            "remove required: path parameters are always required");
                }
                if (p.type() == ParameterType.ARRAY || p.type() == ParameterType.JSON) {
                    report(r, "path parameter '" + name + "' has type " + p.type().jsonName(),
                            "use a scalar type for path parameters, or move it to the query or body");
                }
                break;
            case BODY:
                if (key != null && (key.method().equals("GET") || key.method().equals("DELETE"))) {
                    report(r, "body parameter '" + name + "' on a " + key.method() + " route",
                            "use a query parameter: " + key.method() + " requests carry no body");
                }
                break;
            case QUERY:
                break;
            default:
                throw new IllegalStateException(p.location().toString());
        }
    }

    private void checkParameterType(String r, RouteParameter p) {
        String name = p.name();
        ParameterType type = p.type();
        if (type == ParameterType.ARRAY) {
            if (p.items().isEmpty()) {
                report(r, "array parameter '" + name + "' has no items type",
                        "set items to string, integer, number, boolean, timestamp or uuid");
            } else if (!p.items().get().isArrayItemType()) {
                report(r, "array parameter '" + name + "' has items of type " + p.items().get().jsonName(),
                        "set items to string, integer, number, boolean, timestamp or uuid");
            }
        } else if (p.items().isPresent()) {
            report(r, "parameter '" + name + "' sets items but is of type " + type.jsonName(),
                    "remove items, or set type to array");
        }
        ParameterType scalar = p.scalarType();
        p.maxLength().ifPresent(max -> {
            if (!scalar.hasLength()) {
                report(r, "parameter '" + name + "' sets maxLength but is of type " + describe(p),
                        "remove maxLength: it applies to string and json values (and string items)");
            } else if (max < 1 || max > RouteParameter.MAX_LENGTH_LIMIT) {
                report(r, "parameter '" + name + "' has maxLength " + max,
                        "use a maxLength between 1 and " + RouteParameter.MAX_LENGTH_LIMIT);
            }
        });
        if ((p.minimum().isPresent() || p.maximum().isPresent()) && !scalar.isNumeric()) {
            report(r, "parameter '" + name + "' sets minimum/maximum but is of type " + describe(p),
                    "remove minimum and maximum: they apply to integer and number values");
        }
        if (p.minimum().isPresent() && p.maximum().isPresent()
                && p.minimum().get().compareTo(p.maximum().get()) > 0) {
            report(r, "parameter '" + name + "' has minimum " + p.minimum().get().toPlainString()
                    + " above maximum " + p.maximum().get().toPlainString(), "make minimum <= maximum");
        }
        if (scalar == ParameterType.INTEGER) {
            for (BigDecimal bound : new BigDecimal[] {p.minimum().orElse(null), p.maximum().orElse(null)}) {
                if (bound != null && bound.stripTrailingZeros().scale() > 0) {
                    report(r, "integer parameter '" + name + "' has a fractional bound " + bound.toPlainString(),
                            "use whole numbers for the bounds of an integer");
                }
            }
        }
        p.maxItems().ifPresent(max -> {
            if (type != ParameterType.ARRAY) {
                report(r, "parameter '" + name + "' sets maxItems but is of type " + type.jsonName(),
                        "remove maxItems, or set type to array");
            } else if (max < 1 || max > RouteParameter.MAX_ITEMS_LIMIT) {
                report(r, "array parameter '" + name + "' has maxItems " + max,
                        "use a maxItems between 1 and " + RouteParameter.MAX_ITEMS_LIMIT);
            }
        });
    }

    private static String describe(RouteParameter p) {
        return p.type() == ParameterType.ARRAY && p.items().isPresent()
                ? "array of " + p.items().get().jsonName() : p.type().jsonName();
    }

    private void checkSqlParameters(DatabaseRoute route, NamedSql sql) {
        String r = route.route();
        Set<String> used = sql.parameterNames();
        boolean paginated = route.pagination().isPresent();
        for (String name : used) {
            if (paginated && RESERVED.contains(name)) {
                continue;
            }
            if (route.param(name).isEmpty()) {
                report(r, "the SQL uses :" + name + " but no parameter '" + name + "' is declared",
                        "declare it in params, or remove :" + name + " from the SQL"
                                + (RESERVED.contains(name) ? " (:" + name + " is only bound on paginated routes)" : ""));
            }
        }
        for (RouteParameter p : route.params()) {
            if (!used.contains(p.name())) {
                report(r, "parameter '" + p.name() + "' is declared but the SQL never uses :" + p.name(),
                        "use :" + p.name() + " in the SQL, or remove the parameter");
            }
        }
    }

    private void checkStatements(DatabaseRoute route, RouteKey key, NamedSql sql) {
        String r = route.route();
        if (route.write()) {
            if (key != null && key.method().equals("GET")) {
                report(r, "a GET route is marked write: true", "use POST, PUT, PATCH or DELETE for routes that change data");
            }
            return;
        }
        if (sql.statements().size() > 1) {
            report(r, "the SQL has " + sql.statements().size() + " statements but the route is not a write",
                    "set write: true (several statements run in one transaction), or keep one statement");
        }
        for (NamedSql.Statement s : sql.statements()) {
            String first = s.firstKeyword();
            List<String> words = s.words();
            boolean modifies = !READ_KEYWORDS.contains(first);
            for (int i = 0; i < words.size() && !modifies; i++) {
                String w = words.get(i);
                // (word 0 is a read keyword, never UPDATE, so "i >= 0" would be equivalent)
                boolean lockingClause = w.equals("UPDATE") && i > 0
                        && (words.get(i - 1).equals("FOR") || words.get(i - 1).equals("KEY"));
                if (WRITE_WORDS.contains(w) && !lockingClause) {
                    modifies = true;
                }
            }
            if (modifies) {
                report(r, "the SQL looks like it changes data (" + (first.isEmpty() ? "no keyword" : first)
                                + "...) but the route is not a write",
                        "set write: true so it runs in a transaction and is never retried; reads start with"
                                + " SELECT, WITH, VALUES or TABLE");
                return;
            }
        }
    }

    private void checkResult(DatabaseRoute route) {
        String r = route.route();
        route.successStatus().ifPresent(status -> {
            if (status < 200 || status > 299) {
                report(r, "successStatus " + status + " is not a 2xx status", "use a status between 200 and 299");
            } else if (status == 204 && route.result() != ResultKind.NONE) {
                report(r, "successStatus 204 has no body but the result is " + route.result().jsonName(),
                        "use result: none, or another status such as 200 or 201");
            }
        });
        route.maxRows().ifPresent(max -> {
            if (route.result() != ResultKind.LIST || route.pagination().isPresent()) {
                report(r, "maxRows only applies to non-paginated list routes",
                        "remove maxRows (paginated routes are bounded by maxLimit)");
            } else if (max < 1 || max > DatabaseRoute.MAX_ROWS_LIMIT) {
                report(r, "maxRows " + max + " is out of range", "use a maxRows between 1 and " + DatabaseRoute.MAX_ROWS_LIMIT);
            }
        });
    }

    private void checkPagination(DatabaseRoute route, Pagination p, NamedSql sql) {
        String r = route.route();
        if (route.result() != ResultKind.LIST) {
            report(r, "pagination is set but the result is " + route.result().jsonName(),
                    "use result: list, or remove pagination");
        }
        if (route.write()) {
            report(r, "pagination is set on a write route", "remove pagination, or make the route a read");
        }
        if (!NAME.matcher(p.cursorColumn()).matches()) {
            report(r, "pagination cursorColumn '" + p.cursorColumn() + "' is not a plain column label",
                    "name the result column (letters, digits, '_') the cursor is taken from; alias it with AS if needed");
        }
        if (!CURSOR_TYPES.contains(p.cursorType())) {
            report(r, "pagination cursorType " + p.cursorType().jsonName() + " cannot be a cursor",
                    "use integer, number, string, timestamp or uuid");
        }
        if (p.defaultLimit() < 1) {
            report(r, "pagination defaultLimit " + p.defaultLimit() + " is below 1", "use a defaultLimit of at least 1");
        }
        if (p.maxLimit() < p.defaultLimit()) {
            report(r, "pagination maxLimit " + p.maxLimit() + " is below defaultLimit " + p.defaultLimit(),
                    "make maxLimit >= defaultLimit");
        }
        if (p.maxLimit() > Pagination.MAX_LIMIT_CEILING) {
            report(r, "pagination maxLimit " + p.maxLimit() + " is above " + Pagination.MAX_LIMIT_CEILING,
                    "use a maxLimit of at most " + Pagination.MAX_LIMIT_CEILING);
        }
        if (sql != null) {
            Set<String> used = sql.parameterNames();
            for (String reserved : List.of(DatabaseRoutes.CURSOR_PARAMETER, DatabaseRoutes.LIMIT_PARAMETER)) {
                if (!used.contains(reserved)) {
                    report(r, "the route is paginated but the SQL does not use :" + reserved,
                            "write the SQL as ... WHERE (:cursor IS NULL OR " + p.cursorColumn() + " > :cursor) ORDER BY "
                                    + p.cursorColumn() + " LIMIT :limit");
                }
            }
        }
    }
}
