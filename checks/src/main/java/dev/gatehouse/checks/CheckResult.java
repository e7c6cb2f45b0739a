package dev.gatehouse.checks;

import java.util.List;

/**
 * What one check found.
 *
 * @param check the check's id, e.g. {@code cfn-schema}
 * @param title a one-line description of what was checked
 * @param checked how many items were checked, in words ("19 resources", "7 operations")
 * @param findings every problem, in the order found
 */
public record CheckResult(String check, String title, String checked, List<Finding> findings) {
    public CheckResult {
        findings = List.copyOf(findings);
    }

    /** True when nothing of severity {@link Severity#ERROR} was found. */
    public boolean passed() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** Findings of one severity. */
    public List<Finding> findings(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }
}
