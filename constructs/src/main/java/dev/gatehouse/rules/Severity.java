package dev.gatehouse.rules;

/** How a finding affects synthesis. */
public enum Severity {
    /** Synthesis fails: the stack would be rejected at deploy time or would be insecure. */
    ERROR,
    /** Synthesis goes on, with a warning annotation (fails under {@code cdk synth --strict}). */
    WARNING
}
