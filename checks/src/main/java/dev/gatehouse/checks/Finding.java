package dev.gatehouse.checks;

import java.util.Objects;

/**
 * One problem found by a check.
 *
 * @param check the check's id, e.g. {@code cfn-schema}
 * @param severity how bad it is
 * @param subject what it is about: a resource's logical id, or a document ("ApiF70053CD Body")
 * @param path where inside the subject, e.g. {@code Properties.MethodSettings[0].LoggingLevel} or
 *     {@code paths./orders.get.security}; empty for the subject as a whole
 * @param message the problem, and the fix where one is known
 */
public record Finding(String check, Severity severity, String subject, String path, String message) {
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        path = path == null ? "" : path;
        Objects.requireNonNull(message, "message");
    }

    /** {@code subject path}, or the subject alone. */
    public String location() {
        return path.isEmpty() ? subject : subject + " " + path;
    }

    @Override
    public String toString() {
        return "[" + check + "] " + (severity == Severity.WARNING ? "warning: " : "") + location() + ": " + message;
    }
}
