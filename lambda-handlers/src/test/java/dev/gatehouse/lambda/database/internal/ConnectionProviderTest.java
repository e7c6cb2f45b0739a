package dev.gatehouse.lambda.database.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.database.config.DatabaseEngine;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectionProviderTest {
    /** Credentials that change when refreshed, counting refreshes. */
    static final class RotatingCredentials implements CredentialsProvider {
        final AtomicInteger refreshes = new AtomicInteger();
        Credentials current = new Credentials("app", "old");
        Credentials next;

        @Override
        public Credentials current() {
            return current;
        }

        @Override
        public Credentials refresh() {
            refreshes.incrementAndGet();
            current = next;
            return current;
        }
    }

    private static String postgresUrl() {
        String url = System.getenv("GATEHOUSE_TEST_POSTGRES_URL");
        org.junit.jupiter.api.Assumptions.assumeTrue(url != null && !url.isBlank(),
                "needs GATEHOUSE_TEST_POSTGRES_URL for a real connection to hand out");
        return url;
    }

    @Test
    void refreshesCredentialsOnceAfterPostgresRejectsThem() throws Exception {
        // Given a database that accepts only the rotated password (28P01 for the old one)
        JdbcConnectionFactory real = JdbcConnectionFactory.forUrl(DatabaseEngine.POSTGRESQL, postgresUrl(),
                Duration.ofSeconds(2), Duration.ofSeconds(2));
        List<String> tried = new ArrayList<>();
        ConnectionFactory factory = creds -> {
            tried.add(creds.password());
            if (!creds.password().equals("new")) {
                throw new SQLException("FATAL: password authentication failed for user \"app\"", "28P01");
            }
            return real.open(null);
        };
        RotatingCredentials credentials = new RotatingCredentials();
        credentials.next = new Credentials("app", "new");
        ConnectionProvider provider = new ConnectionProvider(factory, credentials, EngineDialect.of(DatabaseEngine.POSTGRESQL),
                Duration.ofSeconds(2), Clock.systemUTC(), Duration.ofSeconds(5), new ProxyLog(line -> { }));

        // When a connection is needed
        Connection c = provider.acquire(Deadline.after(Duration.ofSeconds(10)));

        // Then the old password was tried, the credentials refreshed once, and the new one worked
        assertEquals(List.of("old", "new"), tried);
        assertEquals(1, credentials.refreshes.get());
        provider.markUsed();
        assertSame(c, provider.acquire(Deadline.after(Duration.ofSeconds(10))), "reused");
        assertEquals(1, provider.openedConnections());
        provider.close();
    }

    @Test
    void givesUpAfterOneRefreshWhenTheNewCredentialsAreRejectedToo() {
        AtomicInteger attempts = new AtomicInteger();
        ConnectionFactory factory = creds -> {
            attempts.incrementAndGet();
            throw new SQLException("Access denied for user 'app'", "28000", 1045);
        };
        RotatingCredentials credentials = new RotatingCredentials();
        credentials.next = new Credentials("app", "still-wrong");
        ConnectionProvider provider = new ConnectionProvider(factory, credentials, EngineDialect.of(DatabaseEngine.MYSQL),
                Duration.ofSeconds(2), Clock.systemUTC(), Duration.ofSeconds(5), new ProxyLog(line -> { }));

        SQLException e = assertThrows(SQLException.class, () -> provider.acquire(Deadline.after(Duration.ofSeconds(10))));

        assertEquals(1045, e.getErrorCode());
        assertEquals(2, attempts.get());
        assertEquals(1, credentials.refreshes.get());
    }

    @Test
    void otherConnectFailuresDoNotRefreshCredentials() {
        ConnectionFactory factory = creds -> {
            throw new SQLException("Connection refused", "08001");
        };
        RotatingCredentials credentials = new RotatingCredentials();
        ConnectionProvider provider = new ConnectionProvider(factory, credentials, EngineDialect.of(DatabaseEngine.POSTGRESQL),
                Duration.ofSeconds(2), Clock.systemUTC(), Duration.ofSeconds(5), new ProxyLog(line -> { }));

        assertThrows(SQLException.class, () -> provider.acquire(Deadline.after(Duration.ofSeconds(10))));
        assertEquals(0, credentials.refreshes.get());
    }

    @Test
    void classifiesEngineErrors() {
        EngineDialect pg = EngineDialect.of(DatabaseEngine.POSTGRESQL);
        assertEquals(SqlErrorKind.AUTHENTICATION, pg.classify(new SQLException("x", "28P01")));
        assertEquals(SqlErrorKind.AUTHENTICATION, pg.classify(new SQLException("x", "28000")));
        assertEquals(SqlErrorKind.CONNECTION, pg.classify(new SQLException("x", "08006")));
        assertEquals(SqlErrorKind.CONNECTION, pg.classify(new SQLException("x", "57P01")));
        assertEquals(SqlErrorKind.TIMEOUT, pg.classify(new SQLException("x", "57014")));
        assertEquals(SqlErrorKind.CONFLICT, pg.classify(new SQLException("x", "23505")));
        assertEquals(SqlErrorKind.CONFLICT, pg.classify(new SQLException("x", "23503")));
        assertEquals(SqlErrorKind.INVALID_DATA, pg.classify(new SQLException("x", "22001")));
        assertEquals(SqlErrorKind.BUSY, pg.classify(new SQLException("x", "40P01")));
        assertEquals(SqlErrorKind.OTHER, pg.classify(new SQLException("x", "42P01")));
        EngineDialect my = EngineDialect.of(DatabaseEngine.MYSQL);
        assertEquals(SqlErrorKind.AUTHENTICATION, my.classify(new SQLException("x", "28000", 1045)));
        assertEquals(SqlErrorKind.TIMEOUT, my.classify(new SQLException("x", "70100", 1969)));
        assertEquals(SqlErrorKind.CONFLICT, my.classify(new SQLException("x", "23000", 1062)));
        assertEquals(SqlErrorKind.CONFLICT, my.classify(new SQLException("x", "23000", 1452)));
        assertEquals(SqlErrorKind.INVALID_DATA, my.classify(new SQLException("x", "23000", 4025)));
        assertEquals(SqlErrorKind.CONNECTION, my.classify(new SQLException("x", "70100", 1927)));
        assertEquals(SqlErrorKind.BUSY, my.classify(new SQLException("x", "40001", 1213)));
    }
}
