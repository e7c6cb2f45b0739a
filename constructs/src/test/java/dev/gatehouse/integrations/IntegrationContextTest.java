package dev.gatehouse.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;

/**
 * An integration kind written outside Gatehouse gets everything it needs from its context: the
 * route, Lambda targets (permitted once per function) and security schemes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrationContextTest {
    private final List<LambdaTarget> targets = new ArrayList<>();
    private final List<String> schemeNames = new ArrayList<>();
    private JsonNode template;
    private JsonNode paths;

    /** A Lambda non-proxy integration that also needs a security scheme of its own. */
    private final class SignedLambda extends RouteIntegration {
        private final IFunction function;

        SignedLambda(IFunction function) {
            this.function = function;
        }

        @Override
        public RouteIntegrationConfig bind(IntegrationContext context) {
            LambdaTarget target = context.lambdaTarget(function);
            targets.add(target);
            schemeNames.add(context.securityScheme(SignedLambda.class, "signed", () ->
                    JsonNodeFactory.instance.objectNode().put("type", "apiKey").put("name", "X-Signature")
                            .put("in", "header")));
            ObjectNode integration = JsonNodeFactory.instance.objectNode();
            integration.put("type", "aws");
            integration.put("httpMethod", "POST");
            integration.put("uri", target.getInvocationUri());
            integration.put("description", "for " + context.getRoute());
            return new RouteIntegrationConfig(integration, RouteIntegrationConfig.responses("200", "OK"));
        }
    }

    @BeforeAll
    void synthesize() {
        // Given a custom integration on two routes of the same function
        App app = new App();
        Stack stack = new Stack(app, "S");
        Function fn = Fixtures.function(stack, "Fn");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /a", new SignedLambda(fn), RouteOptions.of(Authorization.iam()));
        api.route("GET /b/{id}", new SignedLambda(fn), RouteOptions.of(Authorization.iam()));

        // When the app is synthesized
        template = Fixtures.templateJson(stack);
        paths = Fixtures.onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Body/paths");
    }

    @Test
    void theFunctionIsPermittedOnceAndItsUriRendered() {
        assertEquals(1, Fixtures.countResources(template, "AWS::Lambda::Permission"));
        String uri = paths.at("/~1a/get/x-amazon-apigateway-integration/uri").toString();
        assertTrue(uri.matches(".*:lambda:path/2015-03-31/functions/\\$\\{Fn[0-9A-F]{8}\\.Arn}/invocations\"}"), uri);
        assertEquals(paths.at("/~1a/get/x-amazon-apigateway-integration/uri"),
                paths.at("/~1b~1{id}/get/x-amazon-apigateway-integration/uri"));
    }

    @Test
    void theTargetIsSharedByTheRoutesAndDescribesTheFunction() {
        assertEquals(2, targets.size());
        assertTrue(targets.get(0) == targets.get(1), "one target per function");
        assertEquals("S/Fn", targets.get(0).getPath());
        assertFalse(targets.get(0).isSnapStartUnqualified());
    }

    @Test
    void theRouteAndTheSchemeComeFromTheContext() {
        assertEquals("for GET /b/{id}", paths.at("/~1b~1{id}/get/x-amazon-apigateway-integration/description").asText());
        assertEquals(List.of("signed", "signed"), schemeNames, "registered once, named the same for every route");
        JsonNode document = Fixtures.onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Body");
        assertEquals("X-Signature", document.at("/components/securitySchemes/signed/name").asText());
    }
}
