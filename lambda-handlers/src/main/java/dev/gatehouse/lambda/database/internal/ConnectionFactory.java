package dev.gatehouse.lambda.database.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** Opens a new database connection; {@link JdbcConnectionFactory} in production, anything in tests. */
@FunctionalInterface
public interface ConnectionFactory {
    /**
     * Opens a connection.
     *
     * @param credentials user and password to log in with, or null to use what the URL carries
     */
    Connection open(Credentials credentials) throws SQLException;

    /**
     * Opens a connection within {@code timeLeft} (or the factory's connect timeout when shorter).
     * Factories without their own timeouts ignore it.
     */
    default Connection open(Credentials credentials, Duration timeLeft) throws SQLException {
        return open(credentials);
    }
}
