package dev.gatehouse.database;

import static dev.gatehouse.testing.Fixtures.synthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.GatewayApiProps;
import dev.gatehouse.database.config.DatabaseEngine;
import dev.gatehouse.database.config.DatabaseRoute;
import dev.gatehouse.database.config.DatabaseRoutes;
import dev.gatehouse.database.config.ParameterType;
import dev.gatehouse.database.config.ResultKind;
import dev.gatehouse.database.config.RouteParameter;
import dev.gatehouse.testing.Fixtures;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.DatabaseProxy;
import software.amazon.awscdk.services.rds.DatabaseProxyOptions;
import software.amazon.awscdk.services.rds.MariaDbEngineVersion;
import software.amazon.awscdk.services.rds.MariaDbInstanceEngineProps;

/**
 * GH504: connect, statement and retry fit in the function's timeout, which ends before API
 * Gateway's. One app whose backends break the budget, one that widens it correctly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseBackendTimeoutsTest {
    private String errors;
    private JsonNode widened;

    @BeforeAll
    void synthesize() {
        App broken = new App();
        Stack stack = new Stack(broken, "S");
        Database db = new Database(stack);
        // the largest statement timeout the construct used to allow, in the fixed 20 s function
        db.backend("Slow").statementTimeout(Duration.seconds(15)).build();
        // a function API Gateway would give up on first
        db.backend("Long").timeout(Duration.seconds(28)).build();
        // no function timeout is long enough for these
        db.backend("Hopeless").connectTimeout(Duration.seconds(13)).statementTimeout(Duration.seconds(20)).build();
        // Lambda counts whole seconds
        db.backend("Fraction").timeout(Duration.millis(20_500)).build();
        errors = synthError(broken);

        App app = new App();
        Stack ok = new Stack(app, "S");
        new Database(ok).backend("Reports").connectTimeout(Duration.seconds(2))
                .statementTimeout(Duration.seconds(10)).timeout(Duration.seconds(25)).build();
        widened = Fixtures.templateJson(ok);
    }

    /** A VPC, a MariaDB instance behind RDS Proxy, and an API: what each backend here uses. */
    private static final class Database {
        final Stack stack;
        final Vpc vpc;
        final DatabaseProxy proxy;
        final GatewayApi api;

        Database(Stack stack) {
            this.stack = stack;
            vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(1).build();
            DatabaseInstance instance = DatabaseInstance.Builder.create(stack, "Db")
                    .engine(DatabaseInstanceEngine.mariaDb(MariaDbInstanceEngineProps.builder()
                            .version(MariaDbEngineVersion.VER_10_11).build()))
                    .vpc(vpc).build();
            proxy = instance.addProxy("Proxy", DatabaseProxyOptions.builder()
                    .secrets(List.of(instance.getSecret())).vpc(vpc).iamAuth(true).build());
            api = new GatewayApi(stack, "Api", GatewayApiProps.builder().defaultAuthorization(Authorization.iam()).build());
        }

        /** A backend serving GET /{id}/{key}. */
        DatabaseBackend.Builder backend(String id) {
            String path = "/" + id.toLowerCase(Locale.ROOT) + "/{key}";
            return DatabaseBackend.Builder.create(stack, id).api(api).vpc(vpc).databaseName("shop")
                    .target(DatabaseTarget.proxy(proxy, DatabaseCredentials.iam("app")))
                    .routes(DatabaseRoutes.builder(DatabaseEngine.MYSQL)
                            .route(DatabaseRoute.builder("GET " + path).sql("SELECT id FROM items WHERE id = :key")
                                    .result(ResultKind.ONE).param(RouteParameter.path("key", ParameterType.INTEGER)).build())
                            .build());
        }
    }

    @Test
    void aStatementTimeoutThatCannotFitTwiceIsAnError() {
        assertTrue(errors.contains("[GH504] DatabaseBackend 'Slow': a request may need 36000 ms (a connection of up to"
                + " 3000 ms and a statement of up to 15000 ms, twice when a broken connection is replaced), but the function"
                + " stops at 20000 ms and the proxy answers 1000 ms before that. Fix: lower statementTimeout to at most"
                + " 6500 ms, or raise timeout to 27 s and lower statementTimeout to at most 10000 ms."), errors);
    }

    @Test
    void aFunctionThatOutlastsApiGatewayIsAnError() {
        assertTrue(errors.contains("[GH504] DatabaseBackend 'Long': the function timeout is 28000 ms, but API Gateway stops"
                + " waiting after 29000 ms, and invoking the function takes time before its own clock starts. Fix: set"
                + " timeout to at most 27 s."), errors);
        assertFalse(errors.contains("DatabaseBackend 'Long': a request may need"), "its budget fits: " + errors);
    }

    @Test
    void whenNoFunctionTimeoutCanHoldTheBudgetTheFixSaysWhatWould() {
        assertTrue(errors.contains("[GH504] DatabaseBackend 'Hopeless': a request may need 66000 ms"), errors);
        assertTrue(errors.contains("Fix: lower statementTimeout and connectTimeout until twice their sum is at most"
                + " 26000 ms, and raise timeout to 27 s."), errors);
    }

    @Test
    void aFunctionTimeoutIsWholeSeconds() {
        assertTrue(errors.contains("[GH502] DatabaseBackend 'Fraction': the timeout is 20500 ms, but a Lambda function's"
                + " timeout is whole seconds. Fix: use Duration.seconds(...)."), errors);
    }

    @Test
    void aWiderBudgetReachesTheFunctionAndTheHandler() {
        JsonNode function = null;
        for (JsonNode r : widened.get("Resources")) {
            if (r.at("/Properties/Handler").asText().equals(DatabaseBackend.HANDLER)) {
                function = r.get("Properties");
            }
        }
        assertEquals(25, function.get("Timeout").asInt());
        assertEquals("2000", function.at("/Environment/Variables/GATEHOUSE_DB_CONNECT_TIMEOUT_MS").asText());
        assertEquals("10000", function.at("/Environment/Variables/GATEHOUSE_DB_STATEMENT_TIMEOUT_MS").asText());
        Fixtures.assertPassesDeployChecks(widened);
    }
}
