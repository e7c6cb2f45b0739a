package dev.gatehouse.lambda.database.internal;

import dev.gatehouse.database.config.ParameterType;
import dev.gatehouse.database.config.ResultKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Runs a route's statements on the environment's connection and hands the last statement's rows to
 * a reader.
 *
 * <ul>
 *   <li>A write runs in one transaction: every statement commits together or none does.
 *   <li>A broken connection is replaced. The request is tried once more on the new connection if
 *       nothing can have been committed: always for a read, and for a write whose failure came
 *       before COMMIT was sent (the database rolls back an open transaction whose connection died).
 *       A write whose connection broke during COMMIT is never re-run: its outcome is unknown.
 *   <li>Everything ends by the request's {@link Deadline}: each wait for the database (connecting,
 *       every statement, COMMIT) gets at most the time left, and there is no retry once it has
 *       passed. A request cut short is a timeout (or, cut during COMMIT, of unknown outcome); its
 *       connection is dropped, and with it any open transaction.
 * </ul>
 */
public final class QueryExecutor {
    private final ConnectionProvider connections;
    private final EngineDialect dialect;
    private final ProxyLog log;

    /** Reads the rows of the last statement; {@code rs} is null for {@code none} routes. */
    @FunctionalInterface
    public interface ResultReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    public QueryExecutor(ConnectionProvider connections, EngineDialect dialect, ProxyLog log) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @throws QueryFailure classified, with the driver's exception as cause (for the log only)
     */
    public <T> T execute(CompiledRoute route, BoundRequest request, Deadline deadline, ResultReader<T> reader) {
        boolean write = route.route().write();
        for (int attempt = 1; ; attempt++) {
            Connection connection;
            try {
                connection = connections.acquire(deadline);
            } catch (SQLException e) {
                throw new QueryFailure(QueryFailure.Kind.UNAVAILABLE, "could not connect to the database", e);
            } catch (CredentialsUnavailableException e) {
                throw new QueryFailure(QueryFailure.Kind.UNAVAILABLE, "could not obtain database credentials", e);
            }
            boolean commitSent = false;
            try {
                T result;
                if (write) {
                    connections.waitAtMostUntil(deadline);
                    connection.setAutoCommit(false);
                    result = run(connection, route, request, deadline, reader);
                    connections.waitAtMostUntil(deadline);
                    commitSent = true;
                    connection.commit();
                    connection.setAutoCommit(true);
                } else {
                    result = run(connection, route, request, deadline, reader);
                }
                connections.markUsed();
                return result;
            } catch (SQLException e) {
                if (deadline.passed()) {
                    throw pastTheDeadline(connection, write, commitSent, e);
                }
                SqlErrorKind kind = dialect.classify(e);
                if (kind == SqlErrorKind.CONNECTION || isClosed(connection)) {
                    connections.discard();
                    if (commitSent) {
                        throw new QueryFailure(QueryFailure.Kind.OUTCOME_UNKNOWN,
                                "the connection broke while committing; the write may or may not have happened", e);
                    }
                    if (attempt == 1) {
                        log.info("connection_lost", "the connection broke before anything was committed; reconnecting"
                                + " and trying " + route + " once more (" + e.getSQLState() + ")");
                        continue;
                    }
                    throw new QueryFailure(QueryFailure.Kind.UNAVAILABLE, "the connection broke again", e);
                }
                if (write) {
                    rollback(connection);
                } else {
                    connections.markUsed();
                }
                throw new QueryFailure(map(kind), "the statement failed", e);
            } catch (RuntimeException e) {
                // A route whose result does not fit its SQL: leave nothing half-written.
                if (write) {
                    rollback(connection);
                }
                throw e;
            }
        }
    }

    /**
     * The failure of a request whose deadline passed: the connection is dropped unless it is idle
     * and intact (a read between statements), which also ends an open transaction without waiting
     * for a ROLLBACK the database may never answer.
     */
    private QueryFailure pastTheDeadline(Connection connection, boolean write, boolean commitSent, SQLException e) {
        if (write || isClosed(connection) || dialect.classify(e) != SqlErrorKind.TIMEOUT) {
            connections.discard();
        } else {
            connections.markUsed();
        }
        if (commitSent) {
            return new QueryFailure(QueryFailure.Kind.OUTCOME_UNKNOWN,
                    "the request deadline passed while committing; the write may or may not have happened", e);
        }
        return new QueryFailure(QueryFailure.Kind.TIMEOUT, "the request deadline passed before the database answered", e);
    }

    private static QueryFailure.Kind map(SqlErrorKind kind) {
        switch (kind) {
            case TIMEOUT:
                return QueryFailure.Kind.TIMEOUT;
            case CONFLICT:
                return QueryFailure.Kind.CONFLICT;
            case INVALID_DATA:
                return QueryFailure.Kind.INVALID_DATA;
            case BUSY:
                return QueryFailure.Kind.BUSY;
            case AUTHENTICATION:
            case CONNECTION:
                return QueryFailure.Kind.UNAVAILABLE;
            default:
                return QueryFailure.Kind.INTERNAL;
        }
    }

    private <T> T run(Connection connection, CompiledRoute route, BoundRequest request, Deadline deadline,
            ResultReader<T> reader) throws SQLException {
        List<CompiledRoute.CompiledStatement> statements = route.statements();
        ResultKind result = route.route().result();
        for (int i = 0; i < statements.size(); i++) {
            CompiledRoute.CompiledStatement statement = statements.get(i);
            boolean last = i == statements.size() - 1;
            String sql = dialect.expandsArrays() && route.hasArrays()
                    ? statement.expandedSql(request.values(), route) : statement.positionalSql();
            PreparedStatement ps = connections.prepare(sql);
            bind(connection, ps, route, statement, request);
            ps.setMaxRows(maxRows(route, result, last));
            connections.waitAtMostUntil(deadline);
            boolean hasRows = ps.execute();
            if (!last) {
                continue;
            }
            if (result == ResultKind.NONE) {
                return reader.read(null);
            }
            if (!hasRows) {
                throw new QueryFailure(QueryFailure.Kind.INTERNAL, "the route's result is " + result.jsonName()
                        + " but its last statement returned no rows (add RETURNING, or use result none)", null);
            }
            try (ResultSet rs = ps.getResultSet()) {
                return reader.read(rs);
            }
        }
        throw new IllegalStateException("a compiled route has at least one statement");
    }

    /** Rows the driver fetches: one for {@code one}, maxRows + 1 for an unpaginated list (to detect overflow). */
    private static int maxRows(CompiledRoute route, ResultKind result, boolean last) {
        if (!last) {
            return 0;
        }
        if (result == ResultKind.ONE) {
            return 1;
        }
        if (result == ResultKind.LIST && route.pagination().isEmpty()) {
            return route.route().effectiveMaxRows() + 1;
        }
        return 0;
    }

    private void bind(Connection connection, PreparedStatement ps, CompiledRoute route,
            CompiledRoute.CompiledStatement statement, BoundRequest request) throws SQLException {
        int index = 1;
        for (String name : statement.placeholders()) {
            ParameterType type = route.type(name);
            Object value = request.value(name);
            if (type != ParameterType.ARRAY) {
                dialect.bindScalar(ps, index++, type, value);
            } else if (!dialect.expandsArrays()) {
                dialect.bindArray(connection, ps, index++, route.items(name), (List<?>) value);
            } else if (value == null || ((List<?>) value).isEmpty()) {
                // IN (NULL) matches nothing, as an empty list would.
                dialect.bindScalar(ps, index++, route.items(name), null);
            } else {
                for (Object element : (List<?>) value) {
                    dialect.bindScalar(ps, index++, route.items(name), element);
                }
            }
        }
    }

    private void rollback(Connection connection) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
            connections.markUsed();
        } catch (SQLException e) {
            // The transaction dies with the connection; start afresh next time.
            connections.discard();
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
