package dev.gatehouse.lambda.database.internal;

import dev.gatehouse.database.config.DatabaseEngine;
import dev.gatehouse.database.config.ParameterType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.postgresql.util.PGobject;

/** What differs between PostgreSQL and MySQL/MariaDB: session setup, error codes, value binding. */
public abstract class EngineDialect {
    /** The dialect of an engine. */
    public static EngineDialect of(DatabaseEngine engine) {
        return engine == DatabaseEngine.POSTGRESQL ? new Postgres() : new MySql();
    }

    public abstract DatabaseEngine engine();

    /** Prepares a new connection: statement timeout, UTC session time zone. */
    public abstract void initializeSession(Connection connection, Duration statementTimeout) throws SQLException;

    /** Whether array parameters expand to several {@code ?} (MySQL) instead of binding one SQL array. */
    public abstract boolean expandsArrays();

    /** Classifies an error of this engine. */
    public SqlErrorKind classify(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLTimeoutException) {
            return SqlErrorKind.TIMEOUT;
        }
        SqlErrorKind specific = classifySpecific(e, state);
        if (specific != null) {
            return specific;
        }
        if (state.startsWith("08") || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLTransientConnectionException) {
            return SqlErrorKind.CONNECTION;
        }
        if (state.startsWith("22")) {
            return SqlErrorKind.INVALID_DATA;
        }
        if (state.equals("40001")) {
            return SqlErrorKind.BUSY;
        }
        return SqlErrorKind.OTHER;
    }

    abstract SqlErrorKind classifySpecific(SQLException e, String state);

    /** Binds one scalar value (never an array) at {@code index}. */
    public void bindScalar(PreparedStatement ps, int index, ParameterType type, Object value) throws SQLException {
        if (value == null) {
            bindNull(ps, index, type);
            return;
        }
        switch (type) {
            case STRING:
                ps.setString(index, (String) value);
                break;
            case INTEGER:
                ps.setLong(index, (Long) value);
                break;
            case NUMBER:
                ps.setBigDecimal(index, (BigDecimal) value);
                break;
            case BOOLEAN:
                ps.setBoolean(index, (Boolean) value);
                break;
            case TIMESTAMP:
                bindTimestamp(ps, index, (OffsetDateTime) value);
                break;
            case UUID:
                bindUuid(ps, index, (UUID) value);
                break;
            case JSON:
                bindJson(ps, index, ((JsonText) value).text());
                break;
            default:
                throw new IllegalArgumentException("not a scalar type: " + type);
        }
    }

    /** Binds an array value as one SQL array (PostgreSQL only). */
    public void bindArray(Connection connection, PreparedStatement ps, int index, ParameterType items, List<?> values)
            throws SQLException {
        throw new UnsupportedOperationException("arrays are expanded for " + engine().jsonName());
    }

    void bindNull(PreparedStatement ps, int index, ParameterType type) throws SQLException {
        ps.setNull(index, sqlType(type));
    }

    abstract void bindTimestamp(PreparedStatement ps, int index, OffsetDateTime value) throws SQLException;

    abstract void bindUuid(PreparedStatement ps, int index, UUID value) throws SQLException;

    abstract void bindJson(PreparedStatement ps, int index, String json) throws SQLException;

    static int sqlType(ParameterType type) {
        switch (type) {
            case STRING:
                return Types.VARCHAR;
            case INTEGER:
                return Types.BIGINT;
            case NUMBER:
                return Types.NUMERIC;
            case BOOLEAN:
                return Types.BOOLEAN;
            case TIMESTAMP:
                return Types.TIMESTAMP_WITH_TIMEZONE;
            case ARRAY:
                return Types.ARRAY;
            default:
                return Types.OTHER;
        }
    }

    /** JSON text bound as a json parameter. */
    public static final class JsonText {
        private final String text;

        public JsonText(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof JsonText && text.equals(((JsonText) o).text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }

    private static final class Postgres extends EngineDialect {
        private static final Set<String> CONNECTION_STATES = Set.of("57P01", "57P02", "57P03");
        private static final Set<String> CONFLICT_STATES = Set.of("23505", "23503", "23P01");

        @Override
        public DatabaseEngine engine() {
            return DatabaseEngine.POSTGRESQL;
        }

        @Override
        public void initializeSession(Connection connection, Duration statementTimeout) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("SET statement_timeout = " + statementTimeout.toMillis() + "; SET TIME ZONE 'UTC'");
            }
        }

        @Override
        public boolean expandsArrays() {
            return false;
        }

        @Override
        SqlErrorKind classifySpecific(SQLException e, String state) {
            if (state.equals("28P01") || state.equals("28000")) {
                return SqlErrorKind.AUTHENTICATION;
            }
            if (CONNECTION_STATES.contains(state)) {
                return SqlErrorKind.CONNECTION;
            }
            if (state.equals("57014") || state.equals("55P03")) {
                return SqlErrorKind.TIMEOUT;
            }
            if (CONFLICT_STATES.contains(state)) {
                return SqlErrorKind.CONFLICT;
            }
            if (state.equals("23502") || state.equals("23514")) {
                return SqlErrorKind.INVALID_DATA;
            }
            if (state.equals("40P01")) {
                return SqlErrorKind.BUSY;
            }
            return null;
        }

        @Override
        void bindNull(PreparedStatement ps, int index, ParameterType type) throws SQLException {
            // The driver sends a NULL timestamp untyped (and has no SQL type for uuid): name the
            // type, so that ":since IS NULL" needs no cast. json stays untyped (json or jsonb?).
            if (type == ParameterType.UUID) {
                ps.setObject(index, typedNull("uuid"));
            } else if (type == ParameterType.TIMESTAMP) {
                ps.setObject(index, typedNull("timestamptz"));
            } else {
                super.bindNull(ps, index, type);
            }
        }

        private static PGobject typedNull(String type) throws SQLException {
            PGobject typedNull = new PGobject();
            typedNull.setType(type);
            return typedNull;
        }

        @Override
        void bindTimestamp(PreparedStatement ps, int index, OffsetDateTime value) throws SQLException {
            ps.setObject(index, value);
        }

        @Override
        void bindUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
            ps.setObject(index, value);
        }

        @Override
        void bindJson(PreparedStatement ps, int index, String json) throws SQLException {
            // Untyped, so the server takes json or jsonb from the context.
            ps.setObject(index, json, Types.OTHER);
        }

        @Override
        public void bindArray(Connection connection, PreparedStatement ps, int index, ParameterType items, List<?> values)
                throws SQLException {
            if (values == null) {
                // An array NULL of the element type, so that ":ids IS NULL" and "= ANY(:ids)" work.
                ps.setObject(index, typedNull("_" + arrayTypeName(items)));
                return;
            }
            Object[] elements = values.toArray();
            ps.setArray(index, connection.createArrayOf(arrayTypeName(items), elements));
        }

        private static String arrayTypeName(ParameterType items) {
            switch (items) {
                case INTEGER:
                    return "int8";
                case NUMBER:
                    return "numeric";
                case BOOLEAN:
                    return "bool";
                case TIMESTAMP:
                    return "timestamptz";
                case UUID:
                    return "uuid";
                default:
                    return "text";
            }
        }
    }

    private static final class MySql extends EngineDialect {
        private static final Set<Integer> CONFLICT_CODES = Set.of(1062, 1586, 1451, 1452, 1216, 1217, 1557);
        private static final Set<Integer> INVALID_DATA_CODES = Set.of(1048, 1406, 1264, 1366, 1292, 3819, 4025, 1265);
        private static final Set<Integer> TIMEOUT_CODES = Set.of(1969, 3024, 1317, 1205);
        private static final int UNKNOWN_SYSTEM_VARIABLE = 1193;

        @Override
        public DatabaseEngine engine() {
            return DatabaseEngine.MYSQL;
        }

        @Override
        public void initializeSession(Connection connection, Duration statementTimeout) throws SQLException {
            try (Statement s = connection.createStatement()) {
                try {
                    // MariaDB: seconds, any statement.
                    s.execute("SET SESSION max_statement_time = " + BigDecimal.valueOf(statementTimeout.toMillis(), 3)
                            .toPlainString() + ", time_zone = '+00:00'");
                } catch (SQLException e) {
                    if (e.getErrorCode() != UNKNOWN_SYSTEM_VARIABLE) {
                        throw e;
                    }
                    // MySQL: milliseconds, SELECT only.
                    s.execute("SET SESSION max_execution_time = " + statementTimeout.toMillis() + ", time_zone = '+00:00'");
                }
            }
        }

        @Override
        public boolean expandsArrays() {
            return true;
        }

        @Override
        SqlErrorKind classifySpecific(SQLException e, String state) {
            int code = e.getErrorCode();
            if (code == 1045) {
                return SqlErrorKind.AUTHENTICATION;
            }
            if (TIMEOUT_CODES.contains(code)) {
                return SqlErrorKind.TIMEOUT;
            }
            if (CONFLICT_CODES.contains(code)) {
                return SqlErrorKind.CONFLICT;
            }
            if (INVALID_DATA_CODES.contains(code)) {
                return SqlErrorKind.INVALID_DATA;
            }
            if (code == 1213) {
                return SqlErrorKind.BUSY;
            }
            if (code == 1927 || code == 2006 || code == 2013) {
                return SqlErrorKind.CONNECTION;
            }
            return null;
        }

        @Override
        void bindTimestamp(PreparedStatement ps, int index, OffsetDateTime value) throws SQLException {
            // The session time zone is UTC.
            ps.setObject(index, value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }

        @Override
        void bindUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
            ps.setString(index, value.toString());
        }

        @Override
        void bindJson(PreparedStatement ps, int index, String json) throws SQLException {
            ps.setString(index, json);
        }
    }
}
