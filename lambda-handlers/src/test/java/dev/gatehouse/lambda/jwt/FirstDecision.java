package dev.gatehouse.lambda.jwt;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;

/**
 * A tiny main run in a fresh JVM (by {@link ShadedJarTest} and {@link JwtAuthorizerBenchmark}) with
 * only the shaded {@code jwt-authorizer} jar and this class on the class path: constructs the
 * handler from the process environment, as Lambda does, and makes one TOKEN decision.
 *
 * <p>Arguments: the bearer token and the methodArn. Prints {@code decision <principalId> <effect>}
 * and {@code cpu-ms <process CPU time>}.
 */
public final class FirstDecision {
    private FirstDecision() {}

    public static void main(String[] args) {
        JwtAuthorizerHandler handler = new JwtAuthorizerHandler();
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("TOKEN");
        event.setAuthorizationToken("Bearer " + args[0]);
        event.setMethodArn(args[1]);
        IamPolicyResponse response = handler.handleRequest(event, null);
        Object[] statements = (Object[]) response.getPolicyDocument().get("Statement");
        Object effect = ((java.util.Map<?, ?>) statements[0]).get("Effect");
        System.out.println("decision " + response.getPrincipalId() + " " + effect);
        // CPU time of the whole process so far (all threads): less sensitive than wall time to
        // other load on the machine
        System.out.println("cpu-ms " + ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L));
    }
}
