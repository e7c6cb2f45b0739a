package dev.gatehouse.database.config;

import java.util.List;
import java.util.stream.Collectors;

/** A route configuration that cannot be used; carries every problem found. */
public final class DatabaseConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public DatabaseConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order found. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        return problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + " in the database proxy routes:\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }
}
