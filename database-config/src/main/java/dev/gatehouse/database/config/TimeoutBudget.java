package dev.gatehouse.database.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How the database proxy's timeouts nest. One request (a connection when it needs one, the route's
 * statements, and at most one more try on a new connection after a broken one) must end before the
 * function's timeout, which must end before API Gateway's integration timeout:
 *
 * <pre>
 * 2 x (connect timeout + statement timeout)  &lt;=  function timeout - ANSWER_MARGIN
 * function timeout                           &lt;=  integration timeout - INVOKE_MARGIN
 * </pre>
 *
 * The handler enforces the first at run time: each request gets a deadline of the function's
 * remaining time less {@link #ANSWER_MARGIN}, and the statements of a write share it. The
 * constructs check both at synth (rule GH504).
 */
public final class TimeoutBudget {
    /** The connect timeout when none is configured. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** The statement timeout when none is configured. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(5);
    /** What the handler keeps back from the function's remaining time to build and return its answer. */
    public static final Duration ANSWER_MARGIN = Duration.ofSeconds(1);
    /**
     * What the function timeout keeps back from the integration timeout: API Gateway's clock also
     * runs while Lambda invokes the function and restores its snapshot.
     */
    public static final Duration INVOKE_MARGIN = Duration.ofSeconds(2);

    private final Duration connectTimeout;
    private final Duration statementTimeout;

    private TimeoutBudget(Duration connectTimeout, Duration statementTimeout) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
    }

    /** The budget of a proxy with these timeouts. */
    public static TimeoutBudget of(Duration connectTimeout, Duration statementTimeout) {
        return new TimeoutBudget(connectTimeout, statementTimeout);
    }

    /** The longest a one-statement request can take: connect and run it, then both again after a broken connection. */
    public Duration worstRequest() {
        return connectTimeout.plus(statementTimeout).multipliedBy(2);
    }

    /** The shortest function timeout that holds {@link #worstRequest()} and the answer margin. */
    public Duration minFunctionTimeout() {
        return worstRequest().plus(ANSWER_MARGIN);
    }

    /** How long the handler lets one request run in a function with {@code functionTimeout}. */
    public static Duration requestTimeout(Duration functionTimeout) {
        return functionTimeout.minus(ANSWER_MARGIN);
    }

    /** The longest function timeout an integration timeout leaves room for. */
    public static Duration maxFunctionTimeout(Duration integrationTimeout) {
        return integrationTimeout.minus(INVOKE_MARGIN);
    }
}
