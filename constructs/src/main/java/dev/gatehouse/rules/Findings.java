package dev.gatehouse.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects findings so that every problem is reported at once, not just the first. */
public final class Findings {
    private final List<Finding> findings = new ArrayList<>();

    public void report(Rule rule, String subject, String problem, String fix) {
        findings.add(new Finding(rule, subject, problem, fix));
    }

    public void addAll(Findings other) {
        findings.addAll(other.findings);
    }

    public List<Finding> all() {
        return Collections.unmodifiableList(findings);
    }

    public List<Finding> withSeverity(Severity severity) {
        return findings.stream().filter(f -> f.getRule().getSeverity() == severity).toList();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.getRule().getSeverity() == Severity.ERROR);
    }

    public boolean isEmpty() {
        return findings.isEmpty();
    }
}
