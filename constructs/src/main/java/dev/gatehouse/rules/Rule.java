package dev.gatehouse.rules;

import java.util.Objects;

/**
 * One synth-time check: a stable id (e.g. {@code GH104}), a one-line title, the explanation
 * shown in the docs, and its severity.
 */
public final class Rule {
    private final String id;
    private final Severity severity;
    private final String title;
    private final String explanation;

    Rule(String id, Severity severity, String title, String explanation) {
        this.id = Objects.requireNonNull(id, "id");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.title = Objects.requireNonNull(title, "title");
        this.explanation = Objects.requireNonNull(explanation, "explanation");
    }

    public String getId() {
        return id;
    }

    public Severity getSeverity() {
        return severity;
    }

    public String getTitle() {
        return title;
    }

    public String getExplanation() {
        return explanation;
    }

    @Override
    public String toString() {
        return id + " " + title;
    }
}
