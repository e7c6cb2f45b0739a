package dev.gatehouse.lambda.database.internal;

import dev.gatehouse.database.config.DatabaseEngine;
import dev.gatehouse.database.config.TimeoutBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The handler's environment variables, read and checked once at init. Every problem is reported
 * together in one {@link IllegalArgumentException} so a misconfigured function fails its init with
 * a message that says what to set.
 */
public final class Settings {
    public static final String ENGINE = "GATEHOUSE_DB_ENGINE";
    public static final String HOST = "GATEHOUSE_DB_HOST";
    public static final String PORT = "GATEHOUSE_DB_PORT";
    public static final String NAME = "GATEHOUSE_DB_NAME";
    public static final String AUTH = "GATEHOUSE_DB_AUTH";
    public static final String SECRET_ARN = "GATEHOUSE_DB_SECRET_ARN";
    public static final String USER = "GATEHOUSE_DB_USER";
    public static final String TLS = "GATEHOUSE_DB_TLS";
    public static final String TLS_CA_FILE = "GATEHOUSE_DB_TLS_CA_FILE";
    public static final String CONNECT_TIMEOUT_MS = "GATEHOUSE_DB_CONNECT_TIMEOUT_MS";
    public static final String STATEMENT_TIMEOUT_MS = "GATEHOUSE_DB_STATEMENT_TIMEOUT_MS";
    public static final String REQUEST_TIMEOUT_MS = "GATEHOUSE_DB_REQUEST_TIMEOUT_MS";
    public static final String ROUTES_FILE = "GATEHOUSE_DB_ROUTES_FILE";
    public static final String ROUTES = "GATEHOUSE_DB_ROUTES";
    /** File name of the routes next to the function's code when {@link #ROUTES_FILE} is not set. */
    public static final String DEFAULT_ROUTES_FILE_NAME = "gatehouse-db-routes.json";

    /** How the proxy authenticates to the database. */
    public enum Auth { SECRET, IAM }

    /** Transport security to the database. */
    public enum Tls {
        /** Encrypted, certificate chain and host name verified (default). */
        VERIFY_FULL,
        /** Encrypted, certificate not verified. */
        REQUIRE,
        /** Not encrypted. */
        DISABLE
    }

    private final DatabaseEngine engine;
    private final String host;
    private final int port;
    private final String database;
    private final Auth auth;
    private final String secretArn;
    private final String user;
    private final Tls tls;
    private final Path tlsCaFile;
    private final Duration connectTimeout;
    private final Duration statementTimeout;
    private final Duration requestTimeout;
    private final String routesInline;
    private final Path routesFile;
    private final String region;

    private Settings(Reader r) {
        this.engine = r.engine;
        this.host = r.host;
        this.port = r.port;
        this.database = r.database;
        this.auth = r.auth;
        this.secretArn = r.secretArn;
        this.user = r.user;
        this.tls = r.tls;
        this.tlsCaFile = r.tlsCaFile;
        this.connectTimeout = r.connectTimeout;
        this.statementTimeout = r.statementTimeout;
        this.requestTimeout = r.requestTimeout;
        this.routesInline = r.routesInline;
        this.routesFile = r.routesFile;
        this.region = r.region;
    }

    /**
     * Reads the settings.
     *
     * @throws IllegalArgumentException listing every missing or invalid variable
     */
    public static Settings fromEnvironment(Map<String, String> env) {
        Reader r = new Reader(env);
        r.read();
        if (!r.problems.isEmpty()) {
            throw new IllegalArgumentException("the database proxy is misconfigured:\n  - "
                    + String.join("\n  - ", r.problems));
        }
        return new Settings(r);
    }

    public DatabaseEngine engine() {
        return engine;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public Auth auth() {
        return auth;
    }

    /** The Secrets Manager secret (auth = secret). */
    public Optional<String> secretArn() {
        return Optional.ofNullable(secretArn);
    }

    /** The database user for IAM authentication (auth = iam). */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    public Tls tls() {
        return tls;
    }

    public Optional<Path> tlsCaFile() {
        return Optional.ofNullable(tlsCaFile);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration statementTimeout() {
        return statementTimeout;
    }

    /**
     * The most one request may take, connecting, statements and retry included; by default twice
     * the connect and statement timeouts. In Lambda, the function's remaining time may cut it shorter.
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The inline routes JSON ({@code GATEHOUSE_DB_ROUTES}), if set. */
    public Optional<String> routesInline() {
        return Optional.ofNullable(routesInline);
    }

    /** The routes file, used when no inline routes are set. */
    public Path routesFile() {
        return routesFile;
    }

    /** {@code AWS_REGION} (set by Lambda); needed by the AWS clients. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    private static final class Reader {
        private final Map<String, String> env;
        final List<String> problems = new ArrayList<>();
        DatabaseEngine engine;
        String host;
        int port;
        String database;
        Auth auth;
        String secretArn;
        String user;
        Tls tls;
        Path tlsCaFile;
        Duration connectTimeout;
        Duration statementTimeout;
        Duration requestTimeout;
        String routesInline;
        Path routesFile;
        String region;

        Reader(Map<String, String> env) {
            this.env = env;
        }

        private String get(String name) {
            String v = env.get(name);
            return v == null || v.isBlank() ? null : v.trim();
        }

        private String required(String name, String what) {
            String v = get(name);
            if (v == null) {
                problems.add(name + " is not set: set it to " + what);
            }
            return v;
        }

        void read() {
            String engineName = required(ENGINE, "postgresql or mysql");
            if (engineName != null) {
                engine = DatabaseEngine.fromJsonName(engineName.toLowerCase(Locale.ROOT)).orElse(null);
                if (engine == null) {
                    problems.add(ENGINE + " is '" + engineName + "': set it to postgresql or mysql");
                }
            }
            host = required(HOST, "the database host name");
            int defaultPort = engine == DatabaseEngine.MYSQL ? 3306 : 5432;
            port = (int) number(PORT, defaultPort, 1, 65_535);
            database = required(NAME, "the database name");
            String authName = required(AUTH, "secret or iam");
            if (authName != null) {
                switch (authName.toLowerCase(Locale.ROOT)) {
                    case "secret":
                        auth = Auth.SECRET;
                        secretArn = required(SECRET_ARN, "the ARN of a Secrets Manager secret with username and password");
                        break;
                    case "iam":
                        auth = Auth.IAM;
                        user = required(USER, "the database user that has IAM authentication enabled");
                        break;
                    default:
                        problems.add(AUTH + " is '" + authName + "': set it to secret or iam");
                }
            }
            String tlsName = get(TLS);
            if (tlsName == null) {
                tls = Tls.VERIFY_FULL;
            } else {
                try {
                    tls = Tls.valueOf(tlsName.toUpperCase(Locale.ROOT).replace('-', '_'));
                } catch (IllegalArgumentException e) {
                    problems.add(TLS + " is '" + tlsName + "': set it to verify-full, require or disable");
                }
            }
            String ca = get(TLS_CA_FILE);
            if (ca != null) {
                tlsCaFile = Path.of(ca);
                if (!Files.isReadable(tlsCaFile)) {
                    problems.add(TLS_CA_FILE + " names " + ca + ", which is not a readable file: ship the PEM bundle"
                            + " with the function or unset it to use the JVM's trusted CAs");
                }
                if (tls != null && tls != Tls.VERIFY_FULL) {
                    problems.add(TLS_CA_FILE + " is set but " + TLS + " is not verify-full: unset one of them");
                }
            }
            if (auth == Auth.IAM && tls == Tls.DISABLE) {
                problems.add("IAM authentication needs TLS: set " + TLS + " to verify-full or require");
            }
            connectTimeout = Duration.ofMillis(number(CONNECT_TIMEOUT_MS,
                    TimeoutBudget.DEFAULT_CONNECT_TIMEOUT.toMillis(), 100, 60_000));
            statementTimeout = Duration.ofMillis(number(STATEMENT_TIMEOUT_MS,
                    TimeoutBudget.DEFAULT_STATEMENT_TIMEOUT.toMillis(), 100, 900_000));
            requestTimeout = Duration.ofMillis(number(REQUEST_TIMEOUT_MS,
                    TimeoutBudget.of(connectTimeout, statementTimeout).worstRequest().toMillis(), 100, 900_000));
            routesInline = get(ROUTES);
            String file = get(ROUTES_FILE);
            if (routesInline != null && file != null) {
                problems.add("both " + ROUTES + " and " + ROUTES_FILE + " are set: set only one");
            }
            if (file != null) {
                routesFile = Path.of(file);
            } else {
                String taskRoot = get("LAMBDA_TASK_ROOT");
                routesFile = Path.of(taskRoot == null ? "." : taskRoot, DEFAULT_ROUTES_FILE_NAME);
            }
            if (routesInline == null && !Files.isReadable(routesFile)) {
                problems.add("the routes file " + routesFile + " is not readable: ship " + DEFAULT_ROUTES_FILE_NAME
                        + " with the function, or set " + ROUTES_FILE + " or " + ROUTES);
            }
            region = get("AWS_REGION");
            if (region == null && auth != null) {
                problems.add("AWS_REGION is not set (Lambda sets it): set it to the region of the "
                        + (auth == Auth.IAM ? "database" : "secret"));
            }
        }

        private long number(String name, long defaultValue, long min, long max) {
            String v = get(name);
            if (v == null) {
                return defaultValue;
            }
            try {
                long n = Long.parseLong(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(name + " is '" + v + "': set it to a whole number between " + min + " and " + max);
            return defaultValue;
        }
    }
}
