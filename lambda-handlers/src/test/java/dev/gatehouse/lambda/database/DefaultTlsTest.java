package dev.gatehouse.lambda.database;

import static dev.gatehouse.lambda.database.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gatehouse.database.config.DatabaseConfigException;
import dev.gatehouse.database.config.DatabaseEngine;
import dev.gatehouse.lambda.database.internal.Credentials;
import dev.gatehouse.lambda.database.internal.CredentialsProvider;
import dev.gatehouse.lambda.database.internal.JdbcConnectionFactory;
import dev.gatehouse.lambda.database.internal.ProxyLog;
import dev.gatehouse.lambda.database.internal.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Connections built from the environment: TLS is required and verified unless turned off. */
class DefaultTlsTest {
    private static final String ROUTES_PG = "{\"version\": 1, \"engine\": \"postgresql\", \"routes\": [{\"route\":"
            + " \"GET /one\", \"sql\": \"SELECT 1 AS one\", \"result\": \"one\"}]}";

    static Map<String, String> env(String url, DatabaseEngine engine, int defaultPort) {
        String[] hp = TestDatabases.hostPort(url, defaultPort);
        String base = TestDatabases.withoutQuery(url);
        Map<String, String> env = new HashMap<>();
        env.put("GATEHOUSE_DB_ENGINE", engine.jsonName());
        env.put("GATEHOUSE_DB_HOST", hp[0]);
        env.put("GATEHOUSE_DB_PORT", hp[1]);
        env.put("GATEHOUSE_DB_NAME", base.substring(base.lastIndexOf('/') + 1));
        env.put("GATEHOUSE_DB_AUTH", "secret");
        env.put("GATEHOUSE_DB_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:1:secret:x");
        env.put("GATEHOUSE_DB_ROUTES", ROUTES_PG.replace("postgresql", engine.jsonName()));
        env.put("AWS_REGION", "us-east-1");
        return env;
    }

    static APIGatewayProxyResponseEvent ask(Map<String, String> env, String user, List<String> log) {
        Settings settings = Settings.fromEnvironment(env);
        try (DatabaseProxy proxy = DatabaseProxy.builder(
                        dev.gatehouse.database.config.DatabaseRoutes.fromJson(env.get("GATEHOUSE_DB_ROUTES")),
                        JdbcConnectionFactory.fromSettings(settings))
                .credentials(CredentialsProvider.fixed(new Credentials(user, "")))
                .log(new ProxyLog(log::add)).build()) {
            return proxy.handle(request("GET", "/one", "/one").build(), "x");
        }
    }

    @Test
    void postgresWithoutTlsIsRefusedByDefaultAndReachedWhenTlsIsDisabled() {
        List<String> log = new CopyOnWriteArrayList<>();
        Map<String, String> env = env(TestDatabases.postgresUrl(), DatabaseEngine.POSTGRESQL, 5432);

        APIGatewayProxyResponseEvent refused = ask(env, "postgres", log);
        assertEquals(503, refused.getStatusCode(), "the test server has no TLS: verify-full must not fall back");
        assertTrue(log.stream().anyMatch(l -> l.contains("SSL")), log.toString());

        env.put("GATEHOUSE_DB_TLS", "disable");
        APIGatewayProxyResponseEvent plain = ask(env, "postgres", log);
        assertEquals(200, plain.getStatusCode(), plain.getBody());
        assertEquals("{\"one\":1}", plain.getBody());
    }

    @Test
    void mariadbWithoutTlsIsRefusedByDefaultAndReachedWhenTlsIsDisabled() {
        List<String> log = new CopyOnWriteArrayList<>();
        Map<String, String> env = env(TestDatabases.mariadbUrl(), DatabaseEngine.MYSQL, 3306);

        assertEquals(503, ask(env, "root", log).getStatusCode());
        assertTrue(log.stream().anyMatch(l -> l.contains("ssl not enabled in the server")), "refused for want of TLS: " + log);

        env.put("GATEHOUSE_DB_TLS", "disable");
        APIGatewayProxyResponseEvent plain = ask(env, "root", log);
        assertEquals(200, plain.getStatusCode(), plain.getBody());
    }

    @Test
    void theHandlerRefusesInvalidRoutesOrAnEngineMismatchAtInit() {
        Map<String, String> env = env("jdbc:postgresql://127.0.0.1:5432/test", DatabaseEngine.POSTGRESQL, 5432);
        env.put("GATEHOUSE_DB_ROUTES", "{\"version\": 1, \"engine\": \"postgresql\", \"routes\": [{\"route\":"
                + " \"GET /one/{id}\", \"sql\": \"SELECT :x\", \"result\": \"one\"}]}");
        DatabaseConfigException invalid = assertThrows(DatabaseConfigException.class,
                () -> DatabaseProxyHandler.fromEnvironment(env));
        assertTrue(invalid.getMessage().contains("GET /one/{id}: path parameter {id} is not declared"), invalid.getMessage());
        assertTrue(invalid.getMessage().contains("uses :x"), invalid.getMessage());

        env.put("GATEHOUSE_DB_ROUTES", ROUTES_PG.replace("postgresql", "mysql"));
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> DatabaseProxyHandler.fromEnvironment(env));
        assertTrue(mismatch.getMessage().contains("written for mysql but GATEHOUSE_DB_ENGINE is postgresql"),
                mismatch.getMessage());
    }
}
