package dev.gatehouse.lambda.database;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.gatehouse.lambda.database.internal.ConnectionFactory;
import dev.gatehouse.lambda.database.internal.CredentialsProvider;
import dev.gatehouse.lambda.database.internal.JdbcConnectionFactory;
import dev.gatehouse.lambda.database.internal.Settings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lambda entry point {@code dev.gatehouse.lambda.database.SchemaHandler::handleRequest}: the
 * on-event handler of a CloudFormation custom resource (CDK Provider framework) that applies the
 * schema statements of a {@code DatabaseBackend} when the stack creates or updates it. It connects
 * like the database proxy (same environment variables, credentials and TLS). Statements run in
 * order in one transaction (PostgreSQL rolls back DDL with it; MySQL commits each DDL statement
 * itself), so they should be idempotent ({@code CREATE TABLE IF NOT EXISTS ...}): an update of
 * the list runs all of them again. Deleting the resource leaves the database as it is.
 */
public final class SchemaHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** The custom resource's physical id: one schema per backend. */
    public static final String PHYSICAL_ID = "gatehouse-schema";
    /** Attempts to connect: a new proxy target or a resuming Serverless v2 cluster may refuse at first. */
    static final int CONNECT_ATTEMPTS = 8;
    static final Duration RETRY_PAUSE = Duration.ofSeconds(10);

    /** How the handler waits between connection attempts (tests pass one that does not). */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final ConnectionFactory connections;
    private final CredentialsProvider credentials;
    private final Pause pause;

    public SchemaHandler() {
        this(Settings.fromEnvironment(System.getenv()));
    }

    private SchemaHandler(Settings settings) {
        this(JdbcConnectionFactory.fromSettings(settings), DatabaseProxyHandler.credentials(settings));
    }

    /** A handler with its connections given (tests). */
    public SchemaHandler(ConnectionFactory connections, CredentialsProvider credentials) {
        this(connections, credentials, d -> Thread.sleep(d.toMillis()));
    }

    SchemaHandler(ConnectionFactory connections, CredentialsProvider credentials, Pause pause) {
        this.connections = connections;
        this.credentials = credentials;
        this.pause = pause;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object type = event.get("RequestType");
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("PhysicalResourceId", PHYSICAL_ID);
        if ("Delete".equals(type)) {
            return response;
        }
        if (!"Create".equals(type) && !"Update".equals(type)) {
            throw new IllegalArgumentException("unknown RequestType " + type + " (expected Create, Update or Delete)");
        }
        List<String> statements = statements(event.get("ResourceProperties"));
        try {
            apply(statements);
        } catch (SQLException e) {
            throw new IllegalStateException("the schema was not applied: " + e.getMessage(), e);
        }
        response.put("Data", Map.of("Statements", Integer.toString(statements.size())));
        return response;
    }

    private static List<String> statements(Object properties) {
        Object list = properties instanceof Map<?, ?> map ? map.get("Statements") : null;
        if (!(list instanceof List<?> items) || items.isEmpty()) {
            throw new IllegalArgumentException("ResourceProperties.Statements must be a non-empty list of SQL statements");
        }
        List<String> statements = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String sql) || sql.isBlank()) {
                throw new IllegalArgumentException("ResourceProperties.Statements holds a blank or non-text statement");
            }
            statements.add(sql);
        }
        return statements;
    }

    /** Runs the statements in order in one transaction; on failure nothing is committed. */
    void apply(List<String> statements) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (int i = 0; i < statements.size(); i++) {
                    try {
                        statement.execute(statements.get(i));
                    } catch (SQLException e) {
                        throw new SQLException("statement " + (i + 1) + " of " + statements.size() + " failed: "
                                + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback); // the statement's error is what CloudFormation should show
                }
                throw e;
            }
        }
    }

    /** Connects, retrying connection errors (SQLState class 08) a few times; any other error at once. */
    private Connection connect() throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return connections.open(attempt == 1 ? credentials.current() : credentials.refresh());
            } catch (SQLException e) {
                boolean connectionError = e.getSQLState() != null && e.getSQLState().startsWith("08");
                if (!connectionError || attempt >= CONNECT_ATTEMPTS) {
                    throw new SQLException("could not connect to the database after " + attempt + " attempt"
                            + (attempt == 1 ? "" : "s") + ": " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
                }
                try {
                    pause.sleep(RETRY_PAUSE);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
