package dev.gatehouse.integrations;

/** How a Step Functions route runs its workflow. */
public enum StepFunctionsExecution {
    /**
     * {@code StartSyncExecution}: the route answers with the execution's output when it ends
     * (EXPRESS state machines only, within the integration timeout).
     */
    SYNCHRONOUS,
    /**
     * {@code StartExecution}: the route answers 202 with the execution's ARN as soon as it has
     * started (STANDARD or EXPRESS state machines).
     */
    ASYNCHRONOUS
}
