package dev.gatehouse.database.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One route of the database proxy: the API route it answers, the parameterized SQL it runs, where
 * each {@code :name} parameter comes from, and how the result is returned. Immutable; build with
 * {@link #builder(String)}.
 */
public final class DatabaseRoute {
    /** Rows a non-paginated {@code list} may return when {@code maxRows} is not set. */
    public static final int DEFAULT_MAX_ROWS = 1000;
    /** Largest {@code maxRows} accepted. */
    public static final int MAX_ROWS_LIMIT = 10_000;

    private final String route;
    private final String sql;
    private final ResultKind result;
    private final List<RouteParameter> params;
    private final Pagination pagination;
    private final Integer successStatus;
    private final boolean write;
    private final Integer maxRows;

    private DatabaseRoute(Builder b) {
        this.route = b.route;
        this.sql = b.sql;
        this.result = b.result;
        this.params = Collections.unmodifiableList(new ArrayList<>(b.params));
        this.pagination = b.pagination;
        this.successStatus = b.successStatus;
        this.write = b.write;
        this.maxRows = b.maxRows;
    }

    /** Starts a route such as {@code "GET /orders/{id}"}. */
    public static Builder builder(String route) {
        return new Builder(route);
    }

    /** A copy of this route's settings in a new builder. */
    public Builder toBuilder() {
        Builder b = new Builder(route).sql(sql).result(result).params(params).write(write);
        b.pagination = pagination;
        b.successStatus = successStatus;
        b.maxRows = maxRows;
        return b;
    }

    /** The route as written, such as {@code GET /orders/{id}}. */
    public String route() {
        return route;
    }

    /** The SQL with {@code :name} parameters; several statements separated by {@code ;} in a write. */
    public String sql() {
        return sql;
    }

    public ResultKind result() {
        return result;
    }

    public List<RouteParameter> params() {
        return params;
    }

    /** The parameter with that name, if declared. */
    public Optional<RouteParameter> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<Pagination> pagination() {
        return Optional.ofNullable(pagination);
    }

    /** {@code successStatus} as configured. */
    public Optional<Integer> successStatus() {
        return Optional.ofNullable(successStatus);
    }

    /** The status of a successful answer: as configured, else 204 for {@code none}, else 200. */
    public int effectiveSuccessStatus() {
        if (successStatus != null) {
            return successStatus;
        }
        return result == ResultKind.NONE ? 204 : 200;
    }

    /** Whether the SQL changes data: it then runs in a transaction and is never retried blindly. */
    public boolean write() {
        return write;
    }

    /** {@code maxRows} as configured. */
    public Optional<Integer> maxRows() {
        return Optional.ofNullable(maxRows);
    }

    /** Rows a non-paginated {@code list} may return; more is a server error, never a silent cut. */
    public int effectiveMaxRows() {
        return maxRows != null ? maxRows : DEFAULT_MAX_ROWS;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DatabaseRoute)) {
            return false;
        }
        DatabaseRoute r = (DatabaseRoute) o;
        return route.equals(r.route) && Objects.equals(sql, r.sql) && result == r.result
                && params.equals(r.params) && Objects.equals(pagination, r.pagination)
                && Objects.equals(successStatus, r.successStatus) && write == r.write
                && Objects.equals(maxRows, r.maxRows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(route, sql, result, params, pagination, successStatus, write, maxRows);
    }

    @Override
    public String toString() {
        return "DatabaseRoute[" + route + "]";
    }

    /** Builds a {@link DatabaseRoute}. */
    public static final class Builder {
        private final String route;
        private String sql = "";
        private ResultKind result = ResultKind.LIST;
        private final List<RouteParameter> params = new ArrayList<>();
        private Pagination pagination;
        private Integer successStatus;
        private boolean write;
        private Integer maxRows;

        private Builder(String route) {
            this.route = Objects.requireNonNull(route, "route");
        }

        /** The SQL, with {@code :name} placeholders for the declared parameters. */
        public Builder sql(String sql) {
            this.sql = Objects.requireNonNull(sql, "sql");
            return this;
        }

        /** What the route answers with (default {@code list}). */
        public Builder result(ResultKind result) {
            this.result = Objects.requireNonNull(result, "result");
            return this;
        }

        /** Adds a parameter. */
        public Builder param(RouteParameter param) {
            params.add(Objects.requireNonNull(param, "param"));
            return this;
        }

        /** Replaces the parameters. */
        public Builder params(List<RouteParameter> params) {
            this.params.clear();
            params.forEach(this::param);
            return this;
        }

        /** Keyset pagination of a {@code list} route. */
        public Builder pagination(Pagination pagination) {
            this.pagination = Objects.requireNonNull(pagination, "pagination");
            return this;
        }

        /** Status of a successful answer (2xx; default 200, or 204 for {@code none}). */
        public Builder successStatus(int successStatus) {
            this.successStatus = successStatus;
            return this;
        }

        /** Marks the SQL as changing data (default false). */
        public Builder write(boolean write) {
            this.write = write;
            return this;
        }

        /** Rows a non-paginated {@code list} may return (default 1000). */
        public Builder maxRows(int maxRows) {
            this.maxRows = maxRows;
            return this;
        }

        public DatabaseRoute build() {
            return new DatabaseRoute(this);
        }
    }
}
