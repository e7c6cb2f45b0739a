package dev.gatehouse.lambda.database.internal;

import java.util.List;

/** The request's parameters do not fit the route (400); carries every problem found. */
public final class InvalidRequestException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.toString(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
