package dev.gatehouse.database.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The arithmetic of the proxy's nested timeouts, in this module (the constructs' rule GH504 builds on it). */
class TimeoutBudgetTest {

    @Test
    void worstRequestIsTwoConnectsAndTwoStatements() {
        // Given a budget of a 2 s connect timeout and a 7 s statement timeout
        TimeoutBudget budget = TimeoutBudget.of(Duration.ofSeconds(2), Duration.ofSeconds(7));

        // When its worst request and smallest function timeout are asked
        Duration worst = budget.worstRequest();
        Duration minFunction = budget.minFunctionTimeout();

        // Then the request may connect and run twice, and the function adds the answer margin
        assertEquals(Duration.ofSeconds(18), worst);
        assertEquals(Duration.ofSeconds(19), minFunction);
    }

    @Test
    void defaultsNeedASeventeenSecondFunction() {
        // Given the default timeouts
        TimeoutBudget budget = TimeoutBudget.of(TimeoutBudget.DEFAULT_CONNECT_TIMEOUT, TimeoutBudget.DEFAULT_STATEMENT_TIMEOUT);

        // When / Then: 2 x (3 s + 5 s) + 1 s
        assertEquals(Duration.ofSeconds(16), budget.worstRequest());
        assertEquals(Duration.ofSeconds(17), budget.minFunctionTimeout());
    }

    @Test
    void requestTimeoutKeepsTheAnswerMargin() {
        // Given a 29 s function timeout
        // When the handler's per-request timeout is computed
        // Then it is one second shorter
        assertEquals(Duration.ofSeconds(28), TimeoutBudget.requestTimeout(Duration.ofSeconds(29)));
    }

    @Test
    void maxFunctionTimeoutKeepsTheInvokeMargin() {
        // Given API Gateway's default 29 s integration timeout
        // When the longest function timeout is computed
        // Then it is two seconds shorter
        assertEquals(Duration.ofSeconds(27), TimeoutBudget.maxFunctionTimeout(Duration.ofSeconds(29)));
    }

    @Test
    void bothTimeoutsAreRequired() {
        // Given / When a budget is made without one of its timeouts
        // Then it is refused, naming the missing one
        assertEquals("connectTimeout", assertThrows(NullPointerException.class,
                () -> TimeoutBudget.of(null, Duration.ofSeconds(5))).getMessage());
        assertEquals("statementTimeout", assertThrows(NullPointerException.class,
                () -> TimeoutBudget.of(Duration.ofSeconds(3), null)).getMessage());
    }
}
