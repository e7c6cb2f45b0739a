package dev.gatehouse.lambda.database.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The one connection of an execution environment: opened on first use (never at init, so SnapStart
 * snapshots hold no socket), reused, checked with a cheap ping only after it sat idle, and replaced
 * after a failure. When the database rejects the credentials the provider refreshes them once and
 * tries again. Every wait on the database (ping, connect, statement) ends by the request's
 * {@link Deadline}. Not thread-safe: Lambda runs one request at a time per environment.
 */
public final class ConnectionProvider implements AutoCloseable {
    /** Idle time after which the connection is pinged before use. */
    public static final Duration DEFAULT_VALIDATE_AFTER_IDLE = Duration.ofSeconds(5);
    /** Prepared statements kept per connection (MySQL array expansion makes more than one per route). */
    static final int MAX_CACHED_STATEMENTS = 128;
    /** The longest the ping of an idle connection may take. */
    static final int VALIDATION_TIMEOUT_SECONDS = 2;
    /** How long after the deadline a network wait ends (sockets time out to the millisecond, early or late). */
    static final int DEADLINE_SLACK_MILLIS = 25;
    /** Runs the drivers' network-timeout callbacks on the calling thread (they need an executor). */
    private static final Executor DIRECT = Runnable::run;

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
     * The connection, opened or replaced as needed before {@code deadline}.
     *
     * @throws SQLException when no connection can be opened in time
     * @throws CredentialsUnavailableException when credentials cannot be obtained
     */
    public Connection acquire(Deadline deadline) throws SQLException {
        if (connection != null && needsValidation() && !isValid(connection, deadline)) {
            log.info("connection_replaced", "the idle connection no longer answers; reconnecting");
            discard();
        }
        if (connection == null) {
            connection = open(deadline);
            opened++;
        }
        return connection;
    }

    /**
     * Makes the connection's next wait for the database end by {@code deadline}: a database that
     * stops answering breaks the connection then, rather than after the socket timeout.
     *
     * @throws SQLTimeoutException when the deadline has passed already
     */
    public void waitAtMostUntil(Deadline deadline) throws SQLException {
        waitAtMostUntil(connection, deadline);
    }

    private static void waitAtMostUntil(Connection c, Deadline deadline) throws SQLException {
        long millis = deadline.remaining().toMillis();
        if (millis < 1) {
            throw new SQLTimeoutException("the request deadline passed", "57014");
        }
        // a little past the deadline, so that a wait cut short is known as the deadline's doing
        c.setNetworkTimeout(DIRECT, (int) Math.min(Integer.MAX_VALUE, millis + DEADLINE_SLACK_MILLIS));
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

    /** Closes and forgets the connection (after it broke); the next {@link #acquire(Deadline)} opens another. */
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

    /** Pings {@code c} for at most 2 s; with less than a second left, the statement's own wait decides. */
    private static boolean isValid(Connection c, Deadline deadline) {
        long seconds = Math.min(VALIDATION_TIMEOUT_SECONDS, deadline.remaining().toSeconds());
        if (seconds < 1) {
            return true;
        }
        try {
            return c.isValid((int) seconds);
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection open(Deadline deadline) throws SQLException {
        Credentials current = credentials == null ? null : credentials.current();
        Connection c;
        try {
            c = factory.open(current, deadline.remaining());
        } catch (SQLException e) {
            if (credentials == null || dialect.classify(e) != SqlErrorKind.AUTHENTICATION || deadline.passed()) {
                throw e;
            }
            log.info("credentials_refreshed", "the database rejected the credentials; fetching them again once");
            c = factory.open(credentials.refresh(), deadline.remaining());
        }
        try {
            waitAtMostUntil(c, deadline);
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
