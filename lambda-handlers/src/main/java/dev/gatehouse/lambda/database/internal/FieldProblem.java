package dev.gatehouse.lambda.database.internal;

import java.util.Objects;

/**
 * One invalid request parameter: its name, where it was expected, and what is wrong. The problem
 * text never repeats the value the client sent.
 */
public final class FieldProblem {
    private final String name;
    private final String in;
    private final String problem;

    public FieldProblem(String name, String in, String problem) {
        this.name = Objects.requireNonNull(name, "name");
        this.in = Objects.requireNonNull(in, "in");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public String name() {
        return name;
    }

    /** path, query or body. */
    public String in() {
        return in;
    }

    public String problem() {
        return problem;
    }

    @Override
    public String toString() {
        return in + " " + name + ": " + problem;
    }
}
