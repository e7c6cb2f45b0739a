package dev.gatehouse.lambda.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the tests run against: {@code GATEHOUSE_TEST_POSTGRES_URL} or an embedded
 * PostgreSQL; {@code GATEHOUSE_TEST_MARIADB_URL} or the MariaDB tests are skipped with a visible
 * message. With {@code GATEHOUSE_TEST_REQUIRE_DATABASES=1} (set by CI, which provides both
 * servers) a missing database fails the tests instead of skipping them. Tests create uniquely
 * named schemas/databases so builds can share one server.
 */
final class TestDatabases {
    static final String POSTGRES_ENV = "GATEHOUSE_TEST_POSTGRES_URL";
    static final String MARIADB_ENV = "GATEHOUSE_TEST_MARIADB_URL";
    static final String REQUIRE_ENV = "GATEHOUSE_TEST_REQUIRE_DATABASES";

    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    /** A JDBC URL of a PostgreSQL database with a superuser in it. */
    static synchronized String postgresUrl() {
        String url = System.getenv(POSTGRES_ENV);
        if (url != null && !url.isBlank()) {
            return url;
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.start();
            } catch (IOException | IllegalStateException e) {
                unavailable(System::getenv, "PostgreSQL tests skipped: " + POSTGRES_ENV + " is not set and the embedded"
                        + " PostgreSQL did not start (it refuses to run as root): " + e.getMessage());
            } catch (RuntimeException e) {
                unavailable(System::getenv, "PostgreSQL tests skipped: " + POSTGRES_ENV + " is not set and the embedded"
                        + " PostgreSQL did not start: " + e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        return embedded.getJdbcUrl("postgres", "postgres");
    }

    /** A JDBC URL of a MariaDB database, or the calling test is skipped (or failed, when required). */
    static String mariadbUrl() {
        return mariadbUrl(System::getenv);
    }

    static String mariadbUrl(UnaryOperator<String> environment) {
        String url = environment.apply(MARIADB_ENV);
        if (url == null || url.isBlank()) {
            unavailable(environment, "MariaDB tests skipped: set " + MARIADB_ENV
                    + " (e.g. jdbc:mariadb://127.0.0.1:3306/test?user=root)");
        }
        return url;
    }

    /** Skips the calling test with {@code message}; fails it instead when databases are required. */
    static void unavailable(UnaryOperator<String> environment, String message) {
        if ("1".equals(environment.apply(REQUIRE_ENV))) {
            Assertions.fail(message.replace(" tests skipped: ", " tests cannot run: ") + "; " + REQUIRE_ENV
                    + "=1 says this environment provides the databases");
        }
        Assumptions.abort(message);
    }

    /** A fresh name for a schema or database: gh_test_ and random hex. */
    static String uniqueName() {
        return "gh_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    /** The URL with its database (path) replaced. */
    static String withDatabase(String url, String database) {
        int authorityEnd = authorityEnd(url);
        int query = url.indexOf('?', authorityEnd);
        return url.substring(0, authorityEnd) + "/" + database + (query < 0 ? "" : url.substring(query));
    }

    private static int authorityEnd(String url) {
        int end = url.indexOf("//") + 2;
        while (end < url.length() && "/?".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    /** The URL with one more query parameter. */
    static String withParameter(String url, String name, String value) {
        return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
    }

    /** The URL without its query string (so no user is carried in it). */
    static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** Host and port of a JDBC URL. */
    static String[] hostPort(String url, int defaultPort) {
        int hostStart = url.indexOf("//") + 2;
        String hp = url.substring(hostStart, authorityEnd(url));
        int colon = hp.lastIndexOf(':');
        return colon < 0 ? new String[] {hp, Integer.toString(defaultPort)}
                : new String[] {hp.substring(0, colon), hp.substring(colon + 1)};
    }

    /** The URL pointed at another host and port. */
    static String withHostPort(String url, String host, int port) {
        int hostStart = url.indexOf("//") + 2;
        return url.substring(0, hostStart) + host + ":" + port + url.substring(authorityEnd(url));
    }
}
