package dev.gatehouse.integrations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.Route;
import dev.gatehouse.rules.Rule;
import java.util.function.Supplier;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.IConstruct;

/**
 * What an {@link RouteIntegration} sees while it is bound to one route: everything an integration kind
 * needs from the API, so that a kind never depends on how {@link GatewayApi} is built.
 */
public interface IntegrationContext {

    /** The API the route belongs to. */
    GatewayApi getApi();

    /** The route being bound. */
    Route getRoute();

    /** Reports a problem with this route's integration; it fails synthesis with the others. */
    void report(Rule rule, String problem, String fix);

    /**
     * Lets the API invoke {@code function} (one {@code AWS::Lambda::Permission} per function and
     * API, whatever the number of routes) and returns how routes invoke it.
     */
    LambdaTarget lambdaTarget(IFunction function);

    /**
     * Lets the API's execution role perform {@code action} on {@code resourceArn} and returns the
     * role's ARN, the integration's {@code credentials}. The role is one per API (construct id
     * {@code ExecutionRole}, created on first use, assumed by {@code apigateway.amazonaws.com});
     * its policy has one statement per {@code target} and action, whose resources are the ARNs
     * routes allowed, so it grows with targets, never with routes.
     *
     * @param target the construct the action is on (a queue, a table, a state machine)
     * @param action an IAM action, e.g. {@code sqs:SendMessage}
     * @param resourceArn the ARN it is allowed on (the target's, or one of its parts: an index)
     */
    String allowExecution(IConstruct target, String action, String resourceArn);

    /**
     * Registers a {@code components.securitySchemes} entry once per API for {@code owner} and
     * returns its name: {@code preferredName}, or a variant of it if another owner already uses
     * that name. {@code scheme} is only called the first time.
     */
    String securityScheme(Object owner, String preferredName, Supplier<ObjectNode> scheme);

    /** True once {@code owner} has registered its security scheme with this API. */
    boolean hasSecurityScheme(Object owner);
}
