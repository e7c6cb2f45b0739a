package dev.gatehouse.lambda.database.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Server-side log lines, one JSON object each (CloudWatch reads them from standard error). Driver
 * messages and SQL states go here, never to clients. Credentials are never passed to it.
 */
public final class ProxyLog {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Consumer<String> sink;

    public ProxyLog(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Lines to standard error. */
    public static ProxyLog stderr() {
        return new ProxyLog(System.err::println);
    }

    public void info(String event, String message) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("level", "INFO");
        line.put("event", event);
        line.put("message", message);
        sink.accept(line.toString());
    }

    /** An error while answering a request, with the cause chain's SQL states and messages. */
    public void error(String requestId, String route, String event, Throwable cause) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("level", "ERROR");
        line.put("event", event);
        line.put("requestId", requestId);
        line.put("route", route);
        if (cause != null) {
            line.put("exception", cause.getClass().getName());
            line.put("message", String.valueOf(cause.getMessage()));
            ArrayNode causes = line.putArray("causes");
            for (Throwable c = cause.getCause(); c != null && causes.size() < 5; c = c.getCause()) {
                causes.add(c.getClass().getName() + ": " + c.getMessage());
            }
            Throwable t = cause;
            while (t != null && !(t instanceof SQLException)) {
                t = t.getCause();
            }
            if (t != null) {
                line.put("sqlState", ((SQLException) t).getSQLState());
                line.put("vendorCode", ((SQLException) t).getErrorCode());
                if (t != cause) {
                    line.put("sqlMessage", t.getMessage());
                }
            }
        }
        sink.accept(line.toString());
    }
}
