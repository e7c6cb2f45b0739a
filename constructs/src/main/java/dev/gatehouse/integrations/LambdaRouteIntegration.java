package dev.gatehouse.integrations;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.rules.Rules;
import java.util.Objects;
import software.amazon.awscdk.services.lambda.IFunction;

/** Lambda proxy integration ({@code aws_proxy}, buffered or streamed), or non-proxy ({@code aws}) with a mapping. */
final class LambdaRouteIntegration extends RouteIntegration {
    private final IFunction handler;
    private final LambdaRouteIntegrationOptions options;

    LambdaRouteIntegration(IFunction handler, LambdaRouteIntegrationOptions options) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public RouteIntegrationConfig bind(IntegrationContext context) {
        LambdaTarget target = context.lambdaTarget(handler);
        if (target.isSnapStartUnqualified()) {
            context.report(Rules.SNAPSTART_QUALIFIER,
                    "its function '" + target.getPath() + "' has SnapStart on, but the route invokes the "
                            + "unqualified function, which runs without SnapStart.",
                    "route to an alias of its current version, created once and reused (Alias live = "
                            + "fn.addAlias(\"live\"); Integrations.lambda(live)), or to fn.getCurrentVersion().");
        }
        IntegrationMapping mapping = options.getMapping();
        boolean streams = options.getStreamingMode() == StreamingMode.STREAM;
        if (streams) {
            StreamingRuntime.check(handler, target, context);
        }
        ObjectNode integration = JsonNodeFactory.instance.objectNode();
        integration.put("type", mapping == null ? "aws_proxy" : "aws");
        integration.put("httpMethod", "POST");
        integration.put("uri", streams ? target.getStreamingInvocationUri() : target.getInvocationUri());
        IntegrationTimeout.apply(options.getTimeout(), options.getStreamingMode(), context, integration);
        String status = mapping == null ? "200" : NonProxyMapping.apply(mapping, integration, context);
        return RouteIntegrationConfig.owning(integration,
                RouteIntegrationConfig.responses(status, "Response of the Lambda function"));
    }
}
