package dev.gatehouse.lambda.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing MariaDB skips the tests on a developer's machine and fails them where CI provides it. */
class TestDatabasesTest {
    @Test
    void missingMariadbIsASkipUnlessDatabasesAreRequired() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class, () -> TestDatabases.mariadbUrl(Map.<String, String>of()::get));
        assertEquals("MariaDB tests skipped: set GATEHOUSE_TEST_MARIADB_URL"
                + " (e.g. jdbc:mariadb://127.0.0.1:3306/test?user=root)", skipped.getMessage());

        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> TestDatabases.mariadbUrl(Map.of("GATEHOUSE_TEST_REQUIRE_DATABASES", "1", "GATEHOUSE_TEST_MARIADB_URL", " ")::get));
        assertEquals("MariaDB tests cannot run: set GATEHOUSE_TEST_MARIADB_URL (e.g. jdbc:mariadb://127.0.0.1:3306/test?user=root);"
                + " GATEHOUSE_TEST_REQUIRE_DATABASES=1 says this environment provides the databases", failed.getMessage());

        assertEquals("jdbc:mariadb://db:3306/test", TestDatabases.mariadbUrl(
                Map.of("GATEHOUSE_TEST_REQUIRE_DATABASES", "1", "GATEHOUSE_TEST_MARIADB_URL", "jdbc:mariadb://db:3306/test")::get));
    }
}
