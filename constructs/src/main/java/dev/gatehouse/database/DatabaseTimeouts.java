package dev.gatehouse.database;

import dev.gatehouse.Defaults;
import dev.gatehouse.database.config.TimeoutBudget;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A backend's timeouts, with their defaults: connect, statement, and the function's. Checked at
 * synth (GH502: each usable; GH504: they nest, see {@link TimeoutBudget}) and handed to the
 * function.
 */
final class DatabaseTimeouts {
    /** The least a connect or statement timeout may be. */
    static final long MIN_TIMEOUT_MILLIS = 100;

    private final Duration connect;
    private final Duration statement;
    private final Duration function;

    private DatabaseTimeouts(Duration connect, Duration statement, Duration function) {
        this.connect = connect;
        this.statement = statement;
        this.function = function;
    }

    static DatabaseTimeouts of(DatabaseBackendProps props) {
        return new DatabaseTimeouts(
                orDefault(props.getConnectTimeout(), TimeoutBudget.DEFAULT_CONNECT_TIMEOUT),
                orDefault(props.getStatementTimeout(), TimeoutBudget.DEFAULT_STATEMENT_TIMEOUT),
                orDefault(props.getTimeout(), Duration.ofSeconds(DatabaseBackend.DEFAULT_TIMEOUT_SECONDS)));
    }

    private static Duration orDefault(software.amazon.awscdk.Duration given, Duration fallback) {
        return given == null ? fallback : Duration.ofMillis(given.toMilliseconds().longValue());
    }

    /** The function's timeout as Lambda takes it, in whole seconds (a fraction is reported, GH502). */
    software.amazon.awscdk.Duration functionTimeout() {
        return software.amazon.awscdk.Duration.seconds(Math.max(1, function.toSeconds()));
    }

    /** The handler's settings for these timeouts. */
    void addTo(Map<String, String> env) {
        env.put("GATEHOUSE_DB_CONNECT_TIMEOUT_MS", Long.toString(connect.toMillis()));
        env.put("GATEHOUSE_DB_STATEMENT_TIMEOUT_MS", Long.toString(statement.toMillis()));
    }

    void check(Findings findings, String subject) {
        boolean usable = usable(findings, subject, "connect", connect);
        if (!usable(findings, subject, "statement", statement) || !usable) {
            return;
        }
        if (function.toMillis() % 1000 != 0) {
            findings.report(Rules.DATABASE_OPTIONS, subject, "the timeout is " + function.toMillis()
                    + " ms, but a Lambda function's timeout is whole seconds.", "use Duration.seconds(...).");
            return;
        }
        Duration maxFunction = TimeoutBudget.maxFunctionTimeout(Duration.ofMillis(Defaults.INTEGRATION_TIMEOUT_MAX_MILLIS));
        if (function.compareTo(maxFunction) > 0) {
            findings.report(Rules.DATABASE_TIMEOUTS, subject, "the function timeout is " + function.toMillis()
                    + " ms, but API Gateway stops waiting after " + Defaults.INTEGRATION_TIMEOUT_MAX_MILLIS
                    + " ms, and invoking the function takes time before its own clock starts.",
                    "set timeout to at most " + maxFunction.toSeconds() + " s.");
        }
        TimeoutBudget budget = TimeoutBudget.of(connect, statement);
        Duration request = TimeoutBudget.requestTimeout(function);
        if (budget.worstRequest().compareTo(request) > 0) {
            findings.report(Rules.DATABASE_TIMEOUTS, subject, "a request may need " + budget.worstRequest().toMillis()
                    + " ms (a connection of up to " + connect.toMillis() + " ms and a statement of up to "
                    + statement.toMillis() + " ms, twice when a broken connection is replaced), but the function stops at "
                    + function.toMillis() + " ms and the proxy answers " + TimeoutBudget.ANSWER_MARGIN.toMillis()
                    + " ms before that.", fixes(budget, request, maxFunction));
        }
    }

    private static boolean usable(Findings findings, String subject, String name, Duration timeout) {
        if (timeout.toMillis() >= MIN_TIMEOUT_MILLIS) {
            return true;
        }
        findings.report(Rules.DATABASE_OPTIONS, subject, "the " + name + " timeout is " + timeout.toMillis() + " ms.",
                "make it at least " + MIN_TIMEOUT_MILLIS + " ms.");
        return false;
    }

    private String fixes(TimeoutBudget budget, Duration request, Duration maxFunction) {
        List<String> fixes = new ArrayList<>();
        long statementMillis = request.dividedBy(2).minus(connect).toMillis();
        if (statementMillis >= MIN_TIMEOUT_MILLIS) {
            fixes.add("lower statementTimeout to at most " + statementMillis + " ms");
        }
        long connectMillis = request.dividedBy(2).minus(statement).toMillis();
        if (connectMillis >= MIN_TIMEOUT_MILLIS) {
            fixes.add("lower connectTimeout to at most " + connectMillis + " ms");
        }
        long neededSeconds = (budget.minFunctionTimeout().toMillis() + 999) / 1000;
        long statementInLongest = TimeoutBudget.requestTimeout(maxFunction).dividedBy(2).minus(connect).toMillis();
        if (neededSeconds <= maxFunction.toSeconds()) {
            fixes.add("raise timeout to at least " + neededSeconds + " s");
        } else if (statementInLongest >= MIN_TIMEOUT_MILLIS) {
            fixes.add("raise timeout to " + maxFunction.toSeconds() + " s and lower statementTimeout to at most "
                    + statementInLongest + " ms");
        }
        if (fixes.isEmpty()) {
            return "lower statementTimeout and connectTimeout until twice their sum is at most "
                    + TimeoutBudget.requestTimeout(maxFunction).toMillis() + " ms, and raise timeout to "
                    + maxFunction.toSeconds() + " s.";
        }
        return String.join(", or ", fixes) + ".";
    }
}
