package dev.gatehouse.rules;

import java.util.Objects;

/**
 * A rule broken by one subject (a route, a stage, a construct). Its message names the subject,
 * says what is wrong and how to fix it.
 */
public final class Finding {
    private final Rule rule;
    private final String subject;
    private final String problem;
    private final String fix;

    public Finding(Rule rule, String subject, String problem, String fix) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.fix = Objects.requireNonNull(fix, "fix");
    }

    public Rule getRule() {
        return rule;
    }

    public String getSubject() {
        return subject;
    }

    public String getProblem() {
        return problem;
    }

    public String getFix() {
        return fix;
    }

    /** e.g. {@code [GH110] route 'GET /orders': has no authorization. Fix: ...} */
    public String getMessage() {
        return "[" + rule.getId() + "] " + subject + ": " + problem + " Fix: " + fix;
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
