package dev.gatehouse.lambda.echo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Lambda entry point: {@code dev.gatehouse.lambda.echo.EchoHandler::handleRequest}. */
public final class EchoHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final EchoResponder responder;

    public EchoHandler() {
        this(new EchoResponder(new ObjectMapper()));
    }

    EchoHandler(EchoResponder responder) {
        this.responder = responder;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent input, Context context) {
        return responder.respond(input);
    }
}
