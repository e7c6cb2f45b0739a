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

    private JdbcConnectionFactory(Driver driver, String url, Properties properties) {
        this.driver = driver;
        this.url = url;
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
        return new JdbcConnectionFactory(driverFor(s.engine()), url, p);
    }

    /** Connections to a JDBC URL as given (tests, benchmarks), with the proxy's timeouts. */
    public static JdbcConnectionFactory forUrl(DatabaseEngine engine, String url, Duration connectTimeout,
            Duration statementTimeout) {
        return new JdbcConnectionFactory(driverFor(engine), url, timeouts(engine, connectTimeout, statementTimeout));
    }

    /** The URL connections are opened with (it never carries credentials set by this class). */
    public String url() {
        return url;
    }

    @Override
    public Connection open(Credentials credentials) throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
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
