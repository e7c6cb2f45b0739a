package dev.gatehouse.lambda.database.internal;

import dev.gatehouse.database.config.DatabaseEngine;
import dev.gatehouse.database.config.DatabaseRoute;
import dev.gatehouse.database.config.DatabaseRoutes;
import dev.gatehouse.database.config.NamedSql;
import dev.gatehouse.database.config.Pagination;
import dev.gatehouse.database.config.ParameterType;
import dev.gatehouse.database.config.RouteKey;
import dev.gatehouse.database.config.RouteParameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A validated route with its SQL parsed once: what the executor and binder work from. */
public final class CompiledRoute {
    private final DatabaseRoute route;
    private final RouteKey key;
    private final List<CompiledStatement> statements;
    private final Map<String, ParameterType> types = new HashMap<>();
    private final Map<String, ParameterType> items = new HashMap<>();
    private final boolean hasArrays;
    private Object cachedColumns;

    public CompiledRoute(DatabaseRoute route, DatabaseEngine engine) {
        this.route = route;
        this.key = RouteKey.parse(route.route());
        for (RouteParameter p : route.params()) {
            types.put(p.name(), p.type());
            p.items().ifPresent(i -> items.put(p.name(), i));
        }
        route.pagination().ifPresent(p -> {
            types.put(DatabaseRoutes.CURSOR_PARAMETER, p.cursorType());
            types.put(DatabaseRoutes.LIMIT_PARAMETER, ParameterType.INTEGER);
        });
        this.hasArrays = types.containsValue(ParameterType.ARRAY);
        List<CompiledStatement> list = new ArrayList<>();
        for (NamedSql.Statement s : NamedSql.parse(route.sql(), engine).statements()) {
            list.add(new CompiledStatement(s));
        }
        this.statements = Collections.unmodifiableList(list);
    }

    public DatabaseRoute route() {
        return route;
    }

    public RouteKey key() {
        return key;
    }

    public List<CompiledStatement> statements() {
        return statements;
    }

    public Optional<Pagination> pagination() {
        return route.pagination();
    }

    /** The bound type of a placeholder (pagination's cursor and limit included). */
    public ParameterType type(String name) {
        return types.get(name);
    }

    /** The element type of an array placeholder. */
    public ParameterType items(String name) {
        return items.get(name);
    }

    /** Whether any placeholder is an array (MySQL then renders the SQL per request). */
    public boolean hasArrays() {
        return hasArrays;
    }

    /** What {@link ResultWriter} remembers about this route's result columns (null: nothing yet). */
    Object cachedColumns() {
        return cachedColumns;
    }

    void cacheColumns(Object columns) {
        this.cachedColumns = columns;
    }

    @Override
    public String toString() {
        return route.route();
    }

    /** One statement, its positional SQL rendered once. */
    public static final class CompiledStatement {
        private final NamedSql.Statement statement;
        private final String positionalSql;

        CompiledStatement(NamedSql.Statement statement) {
            this.statement = statement;
            this.positionalSql = statement.positionalSql();
        }

        public List<String> placeholders() {
            return statement.placeholders();
        }

        /** The SQL with one {@code ?} per placeholder. */
        public String positionalSql() {
            return positionalSql;
        }

        /** The SQL with array placeholders expanded to as many {@code ?} as elements. */
        public String expandedSql(Map<String, Object> values, CompiledRoute route) {
            return statement.render(name -> {
                if (route.type(name) != ParameterType.ARRAY) {
                    return 1;
                }
                Object v = values.get(name);
                return v == null ? 1 : Math.max(1, ((List<?>) v).size());
            });
        }
    }
}
