package dev.gatehouse.local.internal.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gatehouse.local.TestApps;
import dev.gatehouse.local.internal.assembly.AssemblyDirectory;
import dev.gatehouse.local.internal.assembly.LocalValues;
import dev.gatehouse.local.internal.assembly.StackTemplate;
import dev.gatehouse.local.internal.lambda.FunctionSpec;
import dev.gatehouse.local.internal.lambda.LambdaFailure;
import dev.gatehouse.local.internal.lambda.LambdaFunctions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalDatabasesTest {
    @Test
    void whenTheEmbeddedDatabaseCannotStartTheDatabaseFunctionsNameTheOptionToUse() {
        // Given the sample's stack and an embedded PostgreSQL that refuses to start (as initdb does for root)
        StackTemplate stack = AssemblyDirectory.read(TestApps.sample()).stack("GatehouseSample");
        LocalValues values = new LocalValues(stack);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (LambdaFunctions functions = new LambdaFunctions(stack, values, List.of(), 10, out)) {
            Optional<LocalDatabases> databases = LocalDatabases.attach(null, functions, stack, values, out,
                    () -> {
                        throw new IOException("initdb: cannot be run as root");
                    });
            assertTrue(databases.isPresent());
            FunctionSpec proxy = functions.all().stream()
                    .filter(f -> f.environment().containsKey(LocalDatabases.ENGINE_VARIABLE)).findFirst().orElseThrow();

            // When a database route is first called
            LambdaFailure failure = assertThrows(LambdaFailure.class,
                    () -> functions.invoke(proxy, JsonNodeFactory.instance.objectNode(), "id", 1000));

            // Then the gateway says why and what to do, and the database functions answer it
            String message = printed.toString(StandardCharsets.UTF_8);
            assertTrue(message.contains("initdb: cannot be run as root") && message.contains("--database-url"), message);
            assertEquals(LambdaFailure.Kind.UNSUPPORTED, failure.kind());
            assertTrue(failure.getMessage().contains("--database-url"), failure.getMessage());
        }
    }

    @Test
    void aClassMissingFromTheClasspathIsReportedOnceNotRetriedPerRequest() throws Exception {
        // Given the sample's stack and an embedded PostgreSQL whose starter lacks a class (the JDBC driver)
        StackTemplate stack = AssemblyDirectory.read(TestApps.sample()).stack("GatehouseSample");
        LocalValues values = new LocalValues(stack);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        java.util.concurrent.atomic.AtomicInteger starts = new java.util.concurrent.atomic.AtomicInteger();
        try (LambdaFunctions functions = new LambdaFunctions(stack, values, List.of(), 10, out)) {
            LocalDatabases.attach(null, functions, stack, values, out, () -> {
                starts.incrementAndGet();
                throw new NoClassDefFoundError("org/postgresql/ds/PGSimpleDataSource");
            });
            FunctionSpec proxy = functions.all().stream()
                    .filter(f -> f.environment().containsKey(LocalDatabases.ENGINE_VARIABLE)).findFirst().orElseThrow();

            // When database routes are called twice
            LambdaFailure first = assertThrows(LambdaFailure.class,
                    () -> functions.invoke(proxy, JsonNodeFactory.instance.objectNode(), "id1", 1000));
            LambdaFailure second = assertThrows(LambdaFailure.class,
                    () -> functions.invoke(proxy, JsonNodeFactory.instance.objectNode(), "id2", 1000));

            // Then both answer with the reason and the option to use, and the database was tried once
            assertTrue(first.getMessage().contains("org/postgresql/ds/PGSimpleDataSource")
                    && first.getMessage().contains("--database-url"), first.getMessage());
            assertEquals(first.getMessage(), second.getMessage());
            assertEquals(1, starts.get());
        }
    }

    @Test
    void databaseUrlsAreReadAndOthersRefusedWithTheExpectedForm() {
        DatabaseLocation location = DatabaseLocation.parse("jdbc:postgresql://db.local:6543/shop?user=app&password=s%3Dcret");
        assertEquals(new DatabaseLocation("postgresql", "db.local", 6543, "shop", "app", "s=cret"), location);
        assertEquals("mysql", DatabaseLocation.parse("jdbc:mariadb://127.0.0.1/test?user=root").engine());
        IllegalArgumentException oracle = assertThrows(IllegalArgumentException.class,
                () -> DatabaseLocation.parse("jdbc:oracle://h/db"));
        assertTrue(oracle.getMessage().contains("jdbc:postgresql://"), oracle.getMessage());
    }
}
