package dev.gatehouse.lambda.database.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.database.config.DatabaseEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path taskRoot;

    private Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("GATEHOUSE_DB_ENGINE", "postgresql");
        env.put("GATEHOUSE_DB_HOST", "db.internal");
        env.put("GATEHOUSE_DB_NAME", "app");
        env.put("GATEHOUSE_DB_AUTH", "secret");
        env.put("GATEHOUSE_DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:1:secret:db");
        env.put("GATEHOUSE_DB_ROUTES", "{}");
        env.put("AWS_REGION", "eu-west-1");
        return env;
    }

    @Test
    void appliesSecureDefaults() {
        Settings s = Settings.fromEnvironment(minimal());

        assertEquals(DatabaseEngine.POSTGRESQL, s.engine());
        assertEquals(5432, s.port());
        assertEquals(Settings.Tls.VERIFY_FULL, s.tls());
        assertEquals(Duration.ofMillis(3000), s.connectTimeout());
        assertEquals(Duration.ofMillis(5000), s.statementTimeout());
        assertEquals(Duration.ofMillis(16_000), s.requestTimeout(), "connect and statement, twice");
        assertEquals(Settings.Auth.SECRET, s.auth());
    }

    @Test
    void theRequestTimeoutFollowsTheOtherTimeoutsUnlessSet() {
        Map<String, String> env = minimal();
        env.put("GATEHOUSE_DB_CONNECT_TIMEOUT_MS", "1000");
        env.put("GATEHOUSE_DB_STATEMENT_TIMEOUT_MS", "2500");
        assertEquals(Duration.ofMillis(7000), Settings.fromEnvironment(env).requestTimeout());

        env.put("GATEHOUSE_DB_REQUEST_TIMEOUT_MS", "19000");
        assertEquals(Duration.ofMillis(19_000), Settings.fromEnvironment(env).requestTimeout());

        env.put("GATEHOUSE_DB_REQUEST_TIMEOUT_MS", "50");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(env));
        assertTrue(e.getMessage().contains("GATEHOUSE_DB_REQUEST_TIMEOUT_MS is '50': set it to a whole number between 100 and 900000"),
                e.getMessage());
    }

    @Test
    void mysqlDefaultsToPort3306AndIamNeedsAUser() {
        Map<String, String> env = minimal();
        env.put("GATEHOUSE_DB_ENGINE", "mysql");
        env.put("GATEHOUSE_DB_AUTH", "iam");
        env.put("GATEHOUSE_DB_USER", "app_user");

        Settings s = Settings.fromEnvironment(env);

        assertEquals(3306, s.port());
        assertEquals("app_user", s.user().orElseThrow());
    }

    @Test
    void theRoutesFileDefaultsToTheTaskRoot() throws Exception {
        Map<String, String> env = minimal();
        env.remove("GATEHOUSE_DB_ROUTES");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        Files.writeString(taskRoot.resolve("gatehouse-db-routes.json"), "{}");

        assertEquals(taskRoot.resolve("gatehouse-db-routes.json"), Settings.fromEnvironment(env).routesFile());
    }

    @Test
    void reportsEveryProblemTogether() {
        Map<String, String> env = new HashMap<>();
        env.put("GATEHOUSE_DB_ENGINE", "oracle");
        env.put("GATEHOUSE_DB_PORT", "99999");
        env.put("GATEHOUSE_DB_AUTH", "iam");
        env.put("GATEHOUSE_DB_TLS", "disable");
        env.put("GATEHOUSE_DB_TLS_CA_FILE", "/no/such/bundle.pem");
        env.put("GATEHOUSE_DB_CONNECT_TIMEOUT_MS", "soon");
        env.put("GATEHOUSE_DB_ROUTES_FILE", "/no/such/routes.json");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(env));

        String m = e.getMessage();
        for (String expected : new String[] {"GATEHOUSE_DB_ENGINE is 'oracle'", "GATEHOUSE_DB_HOST is not set",
                "GATEHOUSE_DB_PORT is '99999'", "GATEHOUSE_DB_NAME is not set", "GATEHOUSE_DB_USER is not set",
                "GATEHOUSE_DB_TLS_CA_FILE names /no/such/bundle.pem", "is not verify-full",
                "IAM authentication needs TLS", "GATEHOUSE_DB_CONNECT_TIMEOUT_MS is 'soon'",
                "the routes file /no/such/routes.json is not readable", "AWS_REGION is not set"}) {
            assertTrue(m.contains(expected), "missing <" + expected + "> in\n" + m);
        }
    }

    @Test
    void inlineRoutesAndARoutesFileAreExclusive() {
        Map<String, String> env = minimal();
        env.put("GATEHOUSE_DB_ROUTES_FILE", "/x.json");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(env));
        assertTrue(e.getMessage().contains("set only one"), e.getMessage());
    }
}
