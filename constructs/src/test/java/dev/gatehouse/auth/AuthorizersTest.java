package dev.gatehouse.auth;

import static dev.gatehouse.testing.Fixtures.onlyResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.ApiKeySource;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.GatewayApiProps;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.api.UsagePlanOptions;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.integrations.RouteIntegration;
import dev.gatehouse.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import dev.gatehouse.auth.IdentitySources;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;

/** Default authorization, Lambda and Cognito authorizers, API keys and IAM grants in one API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizersTest {
    private static final RouteIntegration OK = Integrations.mock(MockResponse.json(200, "{}"));
    private JsonNode template;
    private JsonNode body;

    @BeforeAll
    void synthesize() {
        // Given an API whose default is a TOKEN authorizer, with routes overriding it
        App app = new App();
        Stack stack = new Stack(app, "S");
        Function tokenFn = Fixtures.function(stack, "TokenFn");
        Function requestFn = Fixtures.function(stack, "RequestFn");
        LambdaAuthorizer token = LambdaAuthorizer.token(tokenFn).validationRegex("^Bearer .+$")
                .resultsCacheTtl(Duration.minutes(10)).build();
        LambdaAuthorizer request = LambdaAuthorizer.request(requestFn)
                .identitySources(IdentitySources.header("X-Session"), IdentitySources.queryString("tenant"))
                .resultsCacheTtl(Duration.seconds(0)).build();
        CognitoAuthorizer cognito = CognitoAuthorizer.of(new UserPool(stack, "Pool"));
        GatewayApi api = new GatewayApi(stack, "Api", GatewayApiProps.builder()
                .defaultAuthorization(token.authorization())
                .apiKeySource(ApiKeySource.HEADER)
                .build());
        api.route("GET /default", OK);
        api.route("GET /default2", OK);
        api.route("OPTIONS /default", OK);
        api.route("GET /public", OK, RouteOptions.of(Authorization.none()));
        api.route("GET /request", OK, RouteOptions.of(request.authorization()));
        api.route("GET /cognito", OK, RouteOptions.of(cognito.requireScopes("orders/read", "orders/admin")));
        api.route("GET /partner", OK, RouteOptions.builder().authorization(Authorization.iam()).apiKeyRequired(true).build());
        api.route("GET /keyonly", OK, RouteOptions.builder().authorization(Authorization.none()).apiKeyRequired(true).build());
        Role caller = Role.Builder.create(stack, "Caller").assumedBy(new AccountRootPrincipal()).build();
        api.grantInvoke(caller, "GET /partner", "ANY /orders/{id}/lines");

        // When it is synthesized
        template = Fixtures.templateJson(stack);
        body = onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Body");
    }

    private JsonNode security(String path, String method) {
        return body.at("/paths/" + path.replace("/", "~1") + "/" + method + "/security");
    }

    @Test
    void routesWithoutAuthorizationUseTheDefault() {
        assertEquals("[{\"TokenFnAuthorizer\":[]}]", security("/default", "get").toString());
        assertEquals("[{\"TokenFnAuthorizer\":[]}]", security("/default2", "get").toString());
    }

    @Test
    void optionsRoutesAndExplicitlyPublicRoutesAreOpen() {
        assertEquals("[]", security("/default", "options").toString());
        assertEquals("[]", security("/public", "get").toString());
    }

    @Test
    void tokenAuthorizerIsACustomSchemeWithTtlAndValidation() {
        JsonNode scheme = body.at("/components/securitySchemes/TokenFnAuthorizer");
        assertEquals("custom", scheme.get("x-amazon-apigateway-authtype").asText());
        assertEquals("Authorization", scheme.get("name").asText());
        JsonNode authorizer = scheme.get("x-amazon-apigateway-authorizer");
        assertEquals("token", authorizer.get("type").asText());
        assertEquals(600, authorizer.get("authorizerResultTtlInSeconds").asInt());
        assertEquals("^Bearer .+$", authorizer.get("identityValidationExpression").asText());
        assertTrue(authorizer.at("/authorizerUri/Fn::Sub").asText().contains("${TokenFn"), authorizer.toString());
    }

    @Test
    void requestAuthorizerListsItsIdentitySources() {
        JsonNode authorizer = body.at("/components/securitySchemes/RequestFnAuthorizer/x-amazon-apigateway-authorizer");
        assertEquals("request", authorizer.get("type").asText());
        assertEquals("method.request.header.X-Session, method.request.querystring.tenant",
                authorizer.get("identitySource").asText());
        assertEquals(0, authorizer.get("authorizerResultTtlInSeconds").asInt());
    }

    @Test
    void authorizerFunctionsMayBeInvokedByThisApisAuthorizersOnly() {
        List<String> sourceArns = new ArrayList<>();
        template.get("Resources").forEach(r -> {
            if (r.get("Type").asText().equals("AWS::Lambda::Permission")) {
                sourceArns.add(r.at("/Properties/SourceArn").toString());
            }
        });
        assertEquals(2, sourceArns.size(), sourceArns.toString());
        sourceArns.forEach(arn -> assertTrue(arn.contains("\"/authorizers/*\""), arn));
    }

    @Test
    void cognitoRoutesCarryTheirScopes() {
        assertEquals("[{\"CognitoUserPools\":[\"orders/read\",\"orders/admin\"]}]", security("/cognito", "get").toString());
        JsonNode scheme = body.at("/components/securitySchemes/CognitoUserPools");
        assertEquals("cognito_user_pools", scheme.get("x-amazon-apigateway-authtype").asText());
        assertTrue(scheme.at("/x-amazon-apigateway-authorizer/providerARNs/0").toString().contains("Pool"));
    }

    @Test
    void apiKeyRoutesRequireTheKeyAndTheirAuthorizationTogether() {
        assertEquals("[{\"sigv4\":[],\"api_key\":[]}]", security("/partner", "get").toString());
        assertEquals("[{\"api_key\":[]}]", security("/keyonly", "get").toString());
        JsonNode scheme = body.at("/components/securitySchemes/api_key");
        assertEquals("x-api-key", scheme.get("name").asText());
        assertEquals("HEADER", body.get("x-amazon-apigateway-api-key-source").asText());
    }

    @Test
    void keysCanComeFromTheAuthorizer() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        LambdaAuthorizer own = LambdaAuthorizer.request(Fixtures.function(stack, "Fn")).build();
        GatewayApi api = new GatewayApi(stack, "Api", GatewayApiProps.builder()
                .defaultAuthorization(own.authorization()).apiKeySource(ApiKeySource.AUTHORIZER).build());
        api.route("GET /metered", OK, RouteOptions.builder().apiKeyRequired(true).build());
        api.addUsagePlan("Plan", UsagePlanOptions.builder().build());
        JsonNode authorizerKeys = onlyResource(Fixtures.templateJson(stack), "AWS::ApiGateway::RestApi").at("/Properties/Body");
        assertEquals("AUTHORIZER", authorizerKeys.get("x-amazon-apigateway-api-key-source").asText());
        assertEquals("[{\"FnAuthorizer\":[],\"api_key\":[]}]", authorizerKeys.at("/paths/~1metered/get/security").toString());
    }

    @Test
    void passesTheDeployChecks() {
        Fixtures.assertPassesDeployChecks(template);
    }

    @Test
    void grantInvokeAllowsExecuteApiOnTheNamedRoutesOfTheStage() {
        JsonNode policy = onlyResource(template, "AWS::IAM::Policy").at("/Properties/PolicyDocument/Statement/0");
        assertEquals("execute-api:Invoke", policy.get("Action").asText());
        String resources = policy.get("Resource").toString();
        assertTrue(resources.contains("/prod/GET/partner\""), resources);
        assertTrue(resources.contains("/prod/*/orders/*/lines\""), resources);
        assertFalse(resources.contains("{id}"), resources);
    }
}
