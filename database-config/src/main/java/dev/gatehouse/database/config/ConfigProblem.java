package dev.gatehouse.database.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem in a route configuration: the route it concerns (absent for the configuration as a
 * whole), what is wrong, and how to fix it.
 */
public final class ConfigProblem {
    private final String route;
    private final String problem;
    private final String fix;

    public ConfigProblem(String route, String problem, String fix) {
        this.route = route;
        this.problem = Objects.requireNonNull(problem, "problem");
        this.fix = Objects.requireNonNull(fix, "fix");
    }

    /** The route as written ({@code GET /orders/{id}}), or empty for a file-level problem. */
    public Optional<String> route() {
        return Optional.ofNullable(route);
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }

    /** What to change. */
    public String fix() {
        return fix;
    }

    /** {@code route: problem. Fix: fix.} */
    @Override
    public String toString() {
        return (route == null ? "routes" : route) + ": " + problem + ". Fix: " + fix + ".";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConfigProblem)) {
            return false;
        }
        ConfigProblem p = (ConfigProblem) o;
        return Objects.equals(route, p.route) && problem.equals(p.problem) && fix.equals(p.fix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(route, problem, fix);
    }
}
