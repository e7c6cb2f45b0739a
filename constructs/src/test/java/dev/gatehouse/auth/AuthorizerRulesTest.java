package dev.gatehouse.auth;

import static dev.gatehouse.testing.Fixtures.synthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.integrations.RouteIntegration;
import dev.gatehouse.testing.Fixtures;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;

class AuthorizerRulesTest {
    private static final RouteIntegration OK = Integrations.mock(MockResponse.json(200, "{}"));

    @Test
    void gh400AndGh401AuthorizerSettings() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        Function fn = Fixtures.function(stack, "Fn");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /a", OK, RouteOptions.of(LambdaAuthorizer.token(fn).name("Slow")
                .resultsCacheTtl(Duration.hours(2)).headerName("Bad Header").build().authorization()));
        api.route("GET /b", OK, RouteOptions.of(LambdaAuthorizer.request(fn).name("Req")
                .identitySources("header.Authorization").build().authorization()));
        api.route("GET /c", OK, RouteOptions.of(LambdaAuthorizer.request(fn).name("NoSource")
                .identitySources().build().authorization()));
        String message = synthError(app);
        assertTrue(message.contains("[GH400] route 'GET /a': its authorizer 'Slow': the authorizer's result cache TTL is 7200 seconds."), message);
        assertTrue(message.contains("[GH401] route 'GET /a': its authorizer 'Slow': the token header name 'Bad Header'"), message);
        assertTrue(message.contains("[GH401] route 'GET /b': its authorizer 'Req': the identity source 'header.Authorization' is not one API Gateway accepts."), message);
        assertTrue(message.contains("[GH401] route 'GET /c': its authorizer 'NoSource': a REQUEST authorizer with result caching has no identity source"), message);
    }

    @Test
    void authorizerProblemsAreReportedOncePerApi() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        LambdaAuthorizer slow = LambdaAuthorizer.token(Fixtures.function(stack, "Fn")).resultsCacheTtl(Duration.hours(2)).build();
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /a", OK, RouteOptions.of(slow.authorization()));
        api.route("GET /b", OK, RouteOptions.of(slow.authorization()));
        String message = synthError(app);
        assertEquals(1, message.split("\\[GH400\\]", -1).length - 1, message);
    }

    @Test
    void typeSpecificOptionsThrowOnTheWrongType() {
        App app = new App();
        Function fn = Fixtures.function(new Stack(app, "S"), "Fn");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LambdaAuthorizer.token(fn).identitySources("method.request.header.A"));
        assertTrue(e.getMessage().contains("identitySources applies to REQUEST authorizers only"), e.getMessage());
        IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
                () -> LambdaAuthorizer.request(fn).headerName("A"));
        assertTrue(header.getMessage().contains("headerName applies to TOKEN authorizers only; this one is REQUEST."),
                header.getMessage());
    }

    @Test
    void sameSchemeNameFromTwoAuthorizersIsDisambiguated() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /a", OK, RouteOptions.of(LambdaAuthorizer.token(Fixtures.function(stack, "A")).name("Auth").build().authorization()));
        api.route("GET /b", OK, RouteOptions.of(LambdaAuthorizer.token(Fixtures.function(stack, "B")).name("Auth").build().authorization()));
        var schemes = api.getOpenApiDocument().at("/components/securitySchemes");
        assertTrue(schemes.has("Auth") && schemes.has("Auth2"), schemes.toString());
    }

    @Test
    void grantInvokeNeedsRoutesAsDeclared() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        Role role = Role.Builder.create(stack, "R").assumedBy(new AccountRootPrincipal()).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> api.grantInvoke(role, "orders"));
        assertTrue(e.getMessage().contains("'orders' is not a route"), e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> api.grantInvoke(role));
        assertTrue(none.getMessage().contains("GatewayApi 'S/Api': granting execute-api:Invoke needs at least one route, e.g. \"GET /orders/{id}\"."), none.getMessage());
    }
}
