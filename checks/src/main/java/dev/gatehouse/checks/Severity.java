package dev.gatehouse.checks;

/** How bad a finding is. */
public enum Severity {
    /**
     * CloudFormation or API Gateway would reject the template, the API would not work as declared
     * (a URL variable that is never filled in), or a Gatehouse posture rule is broken.
     */
    ERROR,
    /**
     * Accepted, but not as written: API Gateway's import warns about the construct, or drops or
     * ignores it (with {@code FailOnWarnings} on, the import fails on these too); or a part the
     * checks cannot see before deployment (a document computed at deploy time, or in S3 outside
     * the cloud assembly).
     */
    WARNING
}
