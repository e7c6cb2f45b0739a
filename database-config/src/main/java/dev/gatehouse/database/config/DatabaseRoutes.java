package dev.gatehouse.database.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The route configuration of the database proxy: the SQL dialect and the routes. Immutable; build
 * with {@link #builder(DatabaseEngine)} or read with {@link #fromJson(String)}, check with
 * {@link #validate()}, write with {@link #toJson()}.
 *
 * <pre>{@code
 * DatabaseRoutes routes = DatabaseRoutes.builder(DatabaseEngine.POSTGRESQL)
 *         .route(DatabaseRoute.builder("GET /orders/{id}")
 *                 .sql("SELECT id, status FROM orders WHERE id = :id")
 *                 .result(ResultKind.ONE)
 *                 .param(RouteParameter.path("id", ParameterType.INTEGER))
 *                 .build())
 *         .build();
 * List<ConfigProblem> problems = routes.validate();
 * String json = routes.toJson();
 * }</pre>
 */
public final class DatabaseRoutes {
    /** The only format version so far. */
    public static final int VERSION = 1;
    /** Reserved parameter bound to the decoded cursor on paginated routes (NULL on the first page). */
    public static final String CURSOR_PARAMETER = "cursor";
    /** Reserved parameter bound to the page size plus one on paginated routes. */
    public static final String LIMIT_PARAMETER = "limit";

    private final DatabaseEngine engine;
    private final List<DatabaseRoute> routes;

    private DatabaseRoutes(Builder b) {
        this.engine = b.engine;
        this.routes = Collections.unmodifiableList(new ArrayList<>(b.routes));
    }

    /** Starts a configuration whose SQL is written for {@code engine}. */
    public static Builder builder(DatabaseEngine engine) {
        return new Builder(engine);
    }

    /**
     * Reads the JSON form. Structural problems (malformed JSON, unknown or mistyped fields, unknown
     * enum names, a version other than 1) are all reported together; call {@link #validate()} on
     * the result for the semantic checks.
     *
     * @throws DatabaseConfigException listing every structural problem
     */
    public static DatabaseRoutes fromJson(String json) {
        return RoutesJson.read(json);
    }

    /** The JSON form: stable field order, unset optional fields left out. */
    public String toJson() {
        return RoutesJson.write(this);
    }

    /** Every problem in this configuration, each naming its route and the fix; empty when valid. */
    public List<ConfigProblem> validate() {
        return RoutesValidator.validate(this);
    }

    /**
     * Returns this configuration if {@link #validate()} finds nothing.
     *
     * @throws DatabaseConfigException listing every problem
     */
    public DatabaseRoutes requireValid() {
        List<ConfigProblem> problems = validate();
        if (!problems.isEmpty()) {
            throw new DatabaseConfigException(problems);
        }
        return this;
    }

    public DatabaseEngine engine() {
        return engine;
    }

    public List<DatabaseRoute> routes() {
        return routes;
    }

    /** The route written exactly so ({@code "GET /orders/{id}"}), if any. */
    public Optional<DatabaseRoute> route(String route) {
        return routes.stream().filter(r -> r.route().equals(route)).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatabaseRoutes && engine == ((DatabaseRoutes) o).engine
                && routes.equals(((DatabaseRoutes) o).routes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(engine, routes);
    }

    /** Builds a {@link DatabaseRoutes}. */
    public static final class Builder {
        private final DatabaseEngine engine;
        private final List<DatabaseRoute> routes = new ArrayList<>();

        private Builder(DatabaseEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /** Adds a route. */
        public Builder route(DatabaseRoute route) {
            routes.add(Objects.requireNonNull(route, "route"));
            return this;
        }

        /** Adds routes. */
        public Builder routes(List<DatabaseRoute> routes) {
            routes.forEach(this::route);
            return this;
        }

        public DatabaseRoutes build() {
            return new DatabaseRoutes(this);
        }
    }
}
