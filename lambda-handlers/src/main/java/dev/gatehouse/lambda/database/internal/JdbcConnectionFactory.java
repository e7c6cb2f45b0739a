package dev.gatehouse.lambda.database.internal;

import dev.gatehouse.database.config.DatabaseEngine;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens connections with the PostgreSQL or MariaDB JDBC driver, instantiated directly (no
 * DriverManager scan). Credentials go in connection properties, never in the URL, so the URL can be
 * logged.
 */
public final class JdbcConnectionFactory implements ConnectionFactory {
    private static final String APPLICATION_NAME = "gatehouse-database-proxy";

    private final Driver driver;
    private final String url;
    private final Properties properties;
    private final DatabaseEngine engine;
    private final Duration connectTimeout;

    private JdbcConnectionFactory(DatabaseEngine engine, String url, Duration connectTimeout, Properties properties) {
        this.driver = driverFor(engine);
        this.engine = engine;
        this.url = url;
        this.connectTimeout = connectTimeout;
        this.properties = properties;
    }

    /** The connection the settings describe: host, port, database, TLS mode and timeouts. */
    public static JdbcConnectionFactory fromSettings(Settings s) {
        Properties p = timeouts(s.engine(), s.connectTimeout(), s.statementTimeout());
        String url;
        if (s.engine() == DatabaseEngine.POSTGRESQL) {
            url = "jdbc:postgresql://" + hostPort(s) + "/" + s.database();
            switch (s.tls()) {
                case VERIFY_FULL:
                    p.setProperty("sslmode", "verify-full");
                    if (s.tlsCaFile().isPresent()) {
                        p.setProperty("sslrootcert", s.tlsCaFile().get().toString());
                    } else {
                        // Trust the JVM's CAs rather than libpq's ~/.postgresql/root.crt.
                        p.setProperty("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
                    }
                    break;
                case REQUIRE:
                    p.setProperty("sslmode", "require");
                    p.setProperty("sslfactory", "org.postgresql.ssl.NonValidatingFactory");
                    break;
                default:
                    p.setProperty("sslmode", "disable");
            }
        } else {
            url = "jdbc:mariadb://" + hostPort(s) + "/" + s.database();
            switch (s.tls()) {
                case VERIFY_FULL:
                    p.setProperty("sslMode", "verify-full");
                    s.tlsCaFile().ifPresent(f -> p.setProperty("serverSslCert", f.toString()));
                    break;
                case REQUIRE:
                    p.setProperty("sslMode", "trust");
                    break;
                default:
                    p.setProperty("sslMode", "disable");
            }
        }
        return new JdbcConnectionFactory(s.engine(), url, s.connectTimeout(), p);
    }

    /** Connections to a JDBC URL as given (tests, benchmarks), with the proxy's timeouts. */
    public static JdbcConnectionFactory forUrl(DatabaseEngine engine, String url, Duration connectTimeout,
            Duration statementTimeout) {
        return new JdbcConnectionFactory(engine, url, connectTimeout, timeouts(engine, connectTimeout, statementTimeout));
    }

    /** The URL connections are opened with (it never carries credentials set by this class). */
    public String url() {
        return url;
    }

    @Override
    public Connection open(Credentials credentials) throws SQLException {
        return connect(credentials, new Properties());
    }

    /**
     * Opens a connection within {@code timeLeft} when that is shorter than the connect timeout.
     *
     * @throws SQLException (08001) at once when less than the drivers' smallest timeout is left
     */
    @Override
    public Connection open(Credentials credentials, Duration timeLeft) throws SQLException {
        if (timeLeft.compareTo(connectTimeout) >= 0) {
            return open(credentials);
        }
        Properties shorter = new Properties();
        if (engine == DatabaseEngine.POSTGRESQL) {
            // whole seconds: round down, so the connection attempt never outlasts the time left
            long seconds = timeLeft.toSeconds();
            if (seconds < 1) {
                throw new SQLException("less than a second is left to connect before the request deadline", "08001");
            }
            shorter.setProperty("connectTimeout", Long.toString(seconds));
            shorter.setProperty("loginTimeout", Long.toString(seconds));
        } else {
            if (timeLeft.toMillis() < 1) {
                throw new SQLException("no time is left to connect before the request deadline", "08001");
            }
            // the socket timeout bounds the handshake's reads; statements set their own
            shorter.setProperty("connectTimeout", Long.toString(timeLeft.toMillis()));
            shorter.setProperty("socketTimeout", Long.toString(timeLeft.toMillis()));
        }
        return connect(credentials, shorter);
    }

    private Connection connect(Credentials credentials, Properties overrides) throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        p.putAll(overrides);
        if (credentials != null) {
            p.setProperty("user", credentials.username());
            p.setProperty("password", credentials.password());
        }
        Connection c = driver.connect(url, p);
        if (c == null) {
            throw new SQLException("the JDBC driver does not accept the URL " + url, "08001");
        }
        return c;
    }

    private static String hostPort(Settings s) {
        String host = s.host().contains(":") ? "[" + s.host() + "]" : s.host();
        return host + ":" + s.port();
    }

    private static Driver driverFor(DatabaseEngine engine) {
        return engine == DatabaseEngine.POSTGRESQL ? new org.postgresql.Driver() : new org.mariadb.jdbc.Driver();
    }

    private static Properties timeouts(DatabaseEngine engine, Duration connect, Duration statement) {
        Properties p = new Properties();
        // The socket timeout is a backstop for a database that stops answering; the statement
        // timeout is enforced by the server first.
        Duration socket = statement.plus(connect).plusSeconds(2);
        if (engine == DatabaseEngine.POSTGRESQL) {
            p.setProperty("connectTimeout", Long.toString(ceilSeconds(connect)));
            p.setProperty("loginTimeout", Long.toString(ceilSeconds(connect)));
            p.setProperty("socketTimeout", Long.toString(ceilSeconds(socket)));
            p.setProperty("tcpKeepAlive", "true");
            p.setProperty("ApplicationName", APPLICATION_NAME);
        } else {
            p.setProperty("connectTimeout", Long.toString(connect.toMillis()));
            p.setProperty("socketTimeout", Long.toString(socket.toMillis()));
            p.setProperty("tcpKeepAlive", "true");
        }
        return p;
    }

    private static long ceilSeconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
