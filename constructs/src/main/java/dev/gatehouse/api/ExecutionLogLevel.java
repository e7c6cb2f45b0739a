package dev.gatehouse.api;

/**
 * What API Gateway writes to the stage's execution logs in CloudWatch
 * (<a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html">execution
 * logging</a>). Written to the stage's {@code MethodSettings.LoggingLevel}.
 */
public enum ExecutionLogLevel {
    /** No execution logs. */
    OFF,
    /** Errors only. */
    ERROR,
    /** Errors and an entry for every request (billed accordingly). */
    INFO
}
