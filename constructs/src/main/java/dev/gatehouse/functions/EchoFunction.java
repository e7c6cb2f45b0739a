package dev.gatehouse.functions;

import dev.gatehouse.functions.internal.BundledFunctionProps;
import java.util.Map;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/**
 * The bundled echo handler: answers with a JSON description of the route it was called on
 * (method, resource, path and query parameters, stage, request id, authorizer principal), never
 * with the request's headers or body. Useful as a first route and in smoke tests.
 */
public class EchoFunction extends Function {
    /** Entry point of the handler inside the bundled jar. */
    public static final String HANDLER = "dev.gatehouse.lambda.echo.EchoHandler::handleRequest";

    public EchoFunction(Construct scope, String id) {
        super(scope, id, BundledFunctionProps.of(scope, id, "echo", HANDLER, Map.of()).build());
    }
}
