package dev.gatehouse.lambda.database.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one connection of an execution environment: opened on first use (never at init, so SnapStart
 * snapshots hold no socket), reused, checked with a cheap ping only after it sat idle, and replaced
 * after a failure. When the database rejects the credentials the provider refreshes them once and
 * tries again. Not thread-safe: Lambda runs one request at a time per environment.
 */
public final class ConnectionProvider implements AutoCloseable {
    /** Idle time after which the connection is pinged before use. */
    public static final Duration DEFAULT_VALIDATE_AFTER_IDLE = Duration.ofSeconds(5);
    /** Prepared statements kept per connection (MySQL array expansion makes more than one per route). */
    static final int MAX_CACHED_STATEMENTS = 128;

    private final ConnectionFactory factory;
    private final CredentialsProvider credentials;
    private final EngineDialect dialect;
    private final Duration statementTimeout;
    private final Clock clock;
    private final Duration validateAfterIdle;
    private final ProxyLog log;
    private Connection connection;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= MAX_CACHED_STATEMENTS) {
                return false;
            }
            closeQuietly(eldest.getValue());
            return true;
        }
    };
    private Instant lastUsed;
    private int opened;

    public ConnectionProvider(ConnectionFactory factory, CredentialsProvider credentials, EngineDialect dialect,
            Duration statementTimeout, Clock clock, Duration validateAfterIdle, ProxyLog log) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.credentials = credentials;
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.validateAfterIdle = Objects.requireNonNull(validateAfterIdle, "validateAfterIdle");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * The connection, opened or replaced as needed.
     *
     * @throws SQLException when no connection can be opened
     * @throws CredentialsUnavailableException when credentials cannot be obtained
     */
    public Connection acquire() throws SQLException {
        if (connection != null && needsValidation() && !isValid(connection)) {
            log.info("connection_replaced", "the idle connection no longer answers; reconnecting");
            discard();
        }
        if (connection == null) {
            connection = open();
            opened++;
        }
        return connection;
    }

    /**
     * A prepared statement for {@code sql} on the current connection, reused across requests (the
     * caller sets every parameter each time and must not close it).
     */
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException e) {
            // Its connection may be gone already.
        }
    }

    /** Records a successful use, so the next request skips the ping. */
    public void markUsed() {
        lastUsed = clock.instant();
    }

    /** Closes and forgets the connection (after it broke); the next {@link #acquire()} opens another. */
    public void discard() {
        Connection c = connection;
        connection = null;
        lastUsed = null;
        statements.clear();
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // Closing a broken connection often fails; nothing is left to release.
            }
        }
    }

    /** How many connections this provider has opened (for tests and logs). */
    public int openedConnections() {
        return opened;
    }

    @Override
    public void close() {
        discard();
    }

    private boolean needsValidation() {
        return lastUsed == null || !clock.instant().isBefore(lastUsed.plus(validateAfterIdle));
    }

    private static boolean isValid(Connection c) {
        try {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection open() throws SQLException {
        Credentials current = credentials == null ? null : credentials.current();
        Connection c;
        try {
            c = factory.open(current);
        } catch (SQLException e) {
            if (credentials == null || dialect.classify(e) != SqlErrorKind.AUTHENTICATION) {
                throw e;
            }
            log.info("credentials_refreshed", "the database rejected the credentials; fetching them again once");
            c = factory.open(credentials.refresh());
        }
        try {
            dialect.initializeSession(c, statementTimeout);
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return c;
    }
}
