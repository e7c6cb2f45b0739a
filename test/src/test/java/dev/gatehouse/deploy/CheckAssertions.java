package dev.gatehouse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.checks.CheckResult;
import dev.gatehouse.checks.Finding;
import java.util.stream.Collectors;

/** Assertions on deploy check results. */
public final class CheckAssertions {
    private CheckAssertions() {
    }

    /** Fails with every finding, one per line, unless {@code result} has none (errors or warnings). */
    public static void assertClean(CheckResult result) {
        assertEquals("", result.findings().stream().map(Finding::toString).collect(Collectors.joining("\n")),
                result.title() + " found problems");
    }
}
