package dev.gatehouse.lambda.database;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.database.config.DatabaseRoutes;
import dev.gatehouse.database.config.ResultKind;
import dev.gatehouse.database.config.TimeoutBudget;
import dev.gatehouse.lambda.database.internal.BoundRequest;
import dev.gatehouse.lambda.database.internal.CompiledRoute;
import dev.gatehouse.lambda.database.internal.ConnectionFactory;
import dev.gatehouse.lambda.database.internal.ConnectionProvider;
import dev.gatehouse.lambda.database.internal.CredentialsProvider;
import dev.gatehouse.lambda.database.internal.CursorCodec;
import dev.gatehouse.lambda.database.internal.Deadline;
import dev.gatehouse.lambda.database.internal.EngineDialect;
import dev.gatehouse.lambda.database.internal.InvalidRequestException;
import dev.gatehouse.lambda.database.internal.NumericLimits;
import dev.gatehouse.lambda.database.internal.ParameterBinder;
import dev.gatehouse.lambda.database.internal.ProxyLog;
import dev.gatehouse.lambda.database.internal.QueryExecutor;
import dev.gatehouse.lambda.database.internal.QueryFailure;
import dev.gatehouse.lambda.database.internal.RejectedValues;
import dev.gatehouse.lambda.database.internal.Responses;
import dev.gatehouse.lambda.database.internal.ResultWriter;
import dev.gatehouse.lambda.database.internal.RouteTable;
import dev.gatehouse.lambda.database.internal.ValueParser;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The database proxy without Lambda: turns an API Gateway proxy request into parameterized SQL and
 * its result into a JSON response. One instance per execution environment; not thread-safe (it owns
 * one connection). Build it with {@link #builder(DatabaseRoutes, ConnectionFactory)}, or from the
 * environment with {@link DatabaseProxyHandler}.
 */
public final class DatabaseProxy implements AutoCloseable {
    private final RouteTable routes;
    private final ParameterBinder binder;
    private final QueryExecutor executor;
    private final ResultWriter writer;
    private final CursorCodec cursors;
    private final Responses responses;
    private final ConnectionProvider connections;
    private final ProxyLog log;
    private final Duration requestTimeout;

    private DatabaseProxy(Builder b) {
        ObjectMapper mapper = ValueParser.clientJsonMapper();
        ValueParser parser = new ValueParser(mapper, NumericLimits.of(b.routes.engine()));
        EngineDialect dialect = EngineDialect.of(b.routes.engine());
        this.routes = new RouteTable(b.routes.requireValid());
        this.cursors = new CursorCodec(parser);
        this.binder = new ParameterBinder(mapper, parser, cursors);
        this.log = b.log;
        this.requestTimeout = b.requestTimeout != null ? b.requestTimeout
                : TimeoutBudget.of(TimeoutBudget.DEFAULT_CONNECT_TIMEOUT, b.statementTimeout).worstRequest();
        this.connections = new ConnectionProvider(b.connectionFactory, b.credentials, dialect, b.statementTimeout,
                b.clock, b.validateAfterIdle, b.log);
        this.executor = new QueryExecutor(connections, dialect, b.log);
        this.writer = new ResultWriter();
        this.responses = new Responses(mapper);
    }

    /**
     * Starts a proxy for {@code routes} (validated when built) whose connections come from {@code factory}.
     */
    public static Builder builder(DatabaseRoutes routes, ConnectionFactory factory) {
        return new Builder(routes, factory);
    }

    /**
     * Answers one request within the configured request timeout.
     *
     * @param fallbackRequestId used when the event carries no API Gateway request id (Lambda's own id)
     */
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, String fallbackRequestId) {
        return handle(event, fallbackRequestId, requestTimeout);
    }

    /**
     * Answers one request within {@code timeLeft} or the configured request timeout, whichever is
     * shorter: the database work stops then, and the request is answered 504 (or 503 when no
     * connection could be made in time).
     *
     * @param fallbackRequestId used when the event carries no API Gateway request id (Lambda's own id)
     * @param timeLeft how long the caller can wait, e.g. the function's remaining time less a margin
     */
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, String fallbackRequestId,
            Duration timeLeft) {
        Deadline deadline = Deadline.after(timeLeft.compareTo(requestTimeout) < 0 ? timeLeft : requestTimeout);
        String requestId = requestId(event, fallbackRequestId);
        Optional<RouteTable.Match> match = routes.match(event.getHttpMethod(), event.getResource(), event.getPath(),
                event.getPathParameters());
        if (match.isEmpty()) {
            return responses.error(404, "not_found", requestId);
        }
        CompiledRoute route = match.get().route();
        BoundRequest request = null;
        try {
            request = binder.bind(route, event, match.get().pathParameters());
            return answer(route, request, deadline, requestId);
        } catch (InvalidRequestException e) {
            return responses.invalid(e.problems(), null, requestId);
        } catch (QueryFailure e) {
            return failure(route, e, request, requestId);
        } catch (RuntimeException e) {
            // Deliberate catch-all at the boundary: whatever went wrong, the client gets a 500 with
            // the request id and no internals; the details go to the log.
            log.error(requestId, route.toString(), "internal_error", e);
            return responses.error(500, "internal_error", requestId);
        }
    }

    private APIGatewayProxyResponseEvent answer(CompiledRoute route, BoundRequest request, Deadline deadline,
            String requestId) {
        ResultKind kind = route.route().result();
        int status = route.route().effectiveSuccessStatus();
        switch (kind) {
            case ONE: {
                String body = executor.execute(route, request, deadline, rs -> writer.one(rs, route));
                return body == null ? responses.error(404, "not_found", requestId) : responses.json(status, body);
            }
            case LIST: {
                String body = executor.execute(route, request, deadline, rs -> writer.list(rs, route, request.pageSize(), cursors));
                return responses.json(status, body);
            }
            default:
                executor.execute(route, request, deadline, rs -> null);
                return status == 204 ? responses.empty(204) : responses.empty(status);
        }
    }

    private APIGatewayProxyResponseEvent failure(CompiledRoute route, QueryFailure e, BoundRequest request,
            String requestId) {
        switch (e.kind()) {
            case UNAVAILABLE:
                log.error(requestId, route.toString(), "database_unavailable", e);
                return responses.unavailable("database_unavailable", requestId);
            case BUSY:
                log.error(requestId, route.toString(), "database_busy", e);
                return responses.unavailable("database_busy", requestId);
            case TIMEOUT:
                log.error(requestId, route.toString(), "timeout", e);
                return responses.error(504, "timeout", requestId);
            case CONFLICT:
                log.error(requestId, route.toString(), "conflict", e);
                return responses.error(409, "conflict", requestId);
            case INVALID_DATA:
                log.error(requestId, route.toString(), "value_rejected", e);
                return responses.invalid(RejectedValues.suspects(route, request, e), "the database rejected a value",
                        requestId);
            case OUTCOME_UNKNOWN:
                log.error(requestId, route.toString(), "write_outcome_unknown", e);
                return responses.error(500, "write_outcome_unknown", requestId);
            default:
                log.error(requestId, route.toString(), "internal_error", e);
                return responses.error(500, "internal_error", requestId);
        }
    }

    private static String requestId(APIGatewayProxyRequestEvent event, String fallback) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        if (context != null && context.getRequestId() != null) {
            return context.getRequestId();
        }
        return fallback != null ? fallback : UUID.randomUUID().toString();
    }

    /** How many database connections this proxy has opened so far. */
    public int openedConnections() {
        return connections.openedConnections();
    }

    /** Closes the connection (tests; Lambda simply freezes or ends the environment). */
    @Override
    public void close() {
        connections.close();
    }

    /** Builds a {@link DatabaseProxy}. */
    public static final class Builder {
        private final DatabaseRoutes routes;
        private final ConnectionFactory connectionFactory;
        private CredentialsProvider credentials;
        private Duration statementTimeout = TimeoutBudget.DEFAULT_STATEMENT_TIMEOUT;
        private Duration requestTimeout;
        private Duration validateAfterIdle = ConnectionProvider.DEFAULT_VALIDATE_AFTER_IDLE;
        private Clock clock = Clock.systemUTC();
        private ProxyLog log = ProxyLog.stderr();

        private Builder(DatabaseRoutes routes, ConnectionFactory connectionFactory) {
            this.routes = Objects.requireNonNull(routes, "routes");
            this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory");
        }

        /** Where credentials come from (default none: the factory's URL carries them). */
        public Builder credentials(CredentialsProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Server-side statement timeout set on each new connection (default 5 s). */
        public Builder statementTimeout(Duration statementTimeout) {
            this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
            return this;
        }

        /**
         * The most one request may take, connecting, every statement and the retry included
         * (default: {@link TimeoutBudget#worstRequest()} with the default connect timeout and this
         * statement timeout). {@link DatabaseProxy#handle(APIGatewayProxyRequestEvent, String, Duration)}
         * may shorten it per request.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /** Idle time after which the connection is pinged before use (default 5 s). */
        public Builder validateAfterIdle(Duration validateAfterIdle) {
            this.validateAfterIdle = Objects.requireNonNull(validateAfterIdle, "validateAfterIdle");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where server-side log lines go (default standard error). */
        public Builder log(ProxyLog log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * @throws dev.gatehouse.database.config.DatabaseConfigException when the routes are invalid
         */
        public DatabaseProxy build() {
            return new DatabaseProxy(this);
        }
    }
}
