package dev.gatehouse.lambda.jwt;

import java.util.List;

/**
 * The JWT authorizer's environment is unusable. The message lists every problem, each naming the
 * environment variable and what is wrong with it; it never contains a secret.
 */
public final class ConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    ConfigurationException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One entry per problem, e.g. {@code "GATEHOUSE_ISSUER: is required"}. */
    public List<String> problems() {
        return problems;
    }
}
