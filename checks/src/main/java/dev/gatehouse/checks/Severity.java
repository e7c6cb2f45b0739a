package dev.gatehouse.checks;

/** How bad a finding is. */
public enum Severity {
    /**
     * CloudFormation or API Gateway would reject the template, the API would not work as declared
     * (a URL variable that is never filled in), or a Gatehouse posture rule is broken.
     */
    ERROR,
    /**
     * Accepted, but not as written: API Gateway drops or ignores the construct (with
     * {@code FailOnWarnings} on, some of these fail the import too).
     */
    WARNING
}
