package dev.gatehouse.local.internal.pipeline;

import dev.gatehouse.local.internal.api.Operation;
import dev.gatehouse.local.internal.api.RouteMatch;
import dev.gatehouse.local.internal.api.RouteTable;
import dev.gatehouse.local.internal.http.GatewayRequest;
import dev.gatehouse.local.internal.http.GatewayResult;
import dev.gatehouse.local.internal.integration.Integration;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The request path through the stage: route, the {@link RequestStep}s in order (throttling,
 * authorization, API keys and usage plans, validation), the stage cache, the integration; any
 * refusal becomes a gateway response. Whatever happens, a request gets a response.
 */
public final class Gateway {
    private final RouteTable routes;
    private final Map<Operation, Integration> integrations;
    private final List<RequestStep> steps;
    private final ResponseCache cache;
    private final GatewayResponses responses;
    private final AccessLog accessLog;
    private final Clock clock;
    private final Exchange.StageInfo stage;
    private final PrintStream log;

    public Gateway(RouteTable routes, Map<Operation, Integration> integrations, List<RequestStep> steps, ResponseCache cache,
            GatewayResponses responses, AccessLog accessLog, Clock clock, Exchange.StageInfo stage, PrintStream log) {
        this.routes = routes;
        this.integrations = integrations;
        this.steps = List.copyOf(steps);
        this.cache = cache;
        this.responses = responses;
        this.accessLog = accessLog;
        this.clock = clock;
        this.stage = stage;
        this.log = log;
    }

    public GatewayResult handle(GatewayRequest request) {
        Exchange exchange = new Exchange(request, requestId(), extendedRequestId(), clock.instant(), stage);
        GatewayResult result;
        try {
            result = route(exchange);
        } catch (GatewayError error) {
            if (error.getMessage() != null && !error.getMessage().equals(error.clientMessage())) {
                log.println("gateway: " + request.method() + " " + request.rawPath() + " -> " + error.status() + ": "
                        + error.getMessage());
            }
            result = responses.render(error, exchange);
        } catch (RuntimeException e) {
            // Deliberate catch-all: a bug or a backend's surprise must cost one request a 500, not the gateway
            log.println("gateway: internal error on " + request.method() + " " + request.rawPath() + ": " + e);
            e.printStackTrace(log);
            result = responses.render(new GatewayError(ResponseType.DEFAULT_5XX), exchange);
        }
        result.headers().set("x-amzn-RequestId", exchange.requestId());
        exchange.responded(result.status(), result.body().length);
        accessLog.write(exchange);
        return result;
    }

    /** A response the gateway gives before routing (a malformed or oversized request). */
    public GatewayResult refuse(GatewayRequest request, GatewayError error) {
        Exchange exchange = new Exchange(request, requestId(), extendedRequestId(), clock.instant(), stage);
        GatewayResult result = responses.render(error, exchange);
        result.headers().set("x-amzn-RequestId", exchange.requestId());
        exchange.responded(result.status(), result.body().length);
        accessLog.write(exchange);
        return result;
    }

    private GatewayResult route(Exchange exchange) throws GatewayError {
        RouteMatch match = routes.match(exchange.request().method(), exchange.request().rawPath());
        if (!match.found()) {
            throw new GatewayError(ResponseType.MISSING_AUTHENTICATION_TOKEN);
        }
        exchange.route(match.operation(), match.pathParameters());
        for (RequestStep step : steps) {
            step.apply(exchange);
        }
        Integration integration = integrations.get(match.operation());
        return cache.answer(exchange, () -> integration.invoke(exchange));
    }

    /** A random (version 4) UUID; request ids need to be unique, not unguessable, so no SecureRandom. */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static String extendedRequestId() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes) + "=";
    }
}
