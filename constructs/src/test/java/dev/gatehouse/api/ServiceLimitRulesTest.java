package dev.gatehouse.api;

import static dev.gatehouse.testing.Fixtures.synthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.auth.LambdaAuthorizer;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.integrations.RouteIntegration;
import dev.gatehouse.testing.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnMapping;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.apigateway.CfnClientCertificate;
import software.amazon.awscdk.services.apigateway.CfnDomainName;
import software.amazon.awscdk.services.apigateway.CfnRestApi;
import software.amazon.awscdk.services.apigateway.CfnUsagePlan;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.sns.CfnTopic;

/** One test per service-limit rule (GH700 to GH746): the message names the subject, the limit and the fix. */
class ServiceLimitRulesTest {
    private static final RouteOptions IAM = RouteOptions.of(Authorization.iam());
    private static final RouteIntegration OK = Integrations.mock(MockResponse.json(200, "{}"));

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected «" + part + "» in:\n" + message);
        }
    }

    /** Synthesizes one API, set up by {@code setup}, and returns the validation error. */
    private static String errorOf(GatewayApiProps props, Consumer<GatewayApi> setup) {
        App app = new App();
        GatewayApi api = new GatewayApi(new Stack(app, "S"), "Api", props);
        setup.accept(api);
        return synthError(app);
    }

    /** Synthesizes one API, set up by {@code setup}, and returns the warnings of its stack. */
    private static String warningsOf(GatewayApiProps props, Consumer<GatewayApi> setup) {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api", props);
        setup.accept(api);
        app.synth();
        return warnings(stack, "*");
    }

    /** The text of the warnings on {@code path} (or "*") of {@code stack}. */
    private static String warnings(Stack stack, String path) {
        return Annotations.fromStack(stack).findWarning(path, Match.anyValue()).stream()
                .map(m -> String.valueOf(m.getEntry().getData())).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static RouteOptions summary(int chars) {
        return RouteOptions.builder().authorization(Authorization.iam()).summary("s".repeat(chars)).build();
    }

    // ---- Documents ------------------------------------------------------------------------------

    @Test
    void gh700ADocumentInS3IsAtMostWhatApiGatewayImports() {
        String message = errorOf(GatewayApiProps.builder().documentLocation(DocumentLocation.S3).build(), api -> {
            for (int i = 0; i < 10; i++) {
                api.route("GET /big" + i, OK, summary(650_000));
            }
        });
        assertMentions(message, "[GH700] GatewayApi 'Api': its OpenAPI document is 6,50", " bytes, more than the 6,291,456 "
                + "bytes (6 MB) API Gateway imports. Fix: split the routes into several GatewayApis, each with its own "
                + "document, or shorten their summaries and descriptions.");
    }

    @Test
    void gh701DocumentsKeptInTheTemplateFitIt() {
        String message = errorOf(GatewayApiProps.builder().documentLocation(DocumentLocation.INLINE).build(), api -> {
            api.route("GET /a", OK, summary(520_000));
            api.route("GET /b", OK, summary(520_000));
        });
        assertMentions(message, "[GH701] GatewayApi 'Api': with documentLocation(INLINE) its OpenAPI document takes 1,04",
                " bytes of the template, and the stack's documents together 1,04", ", more than the 1,000,000 "
                        + "CloudFormation reads. Fix: leave documentLocation unset (AUTOMATIC: in S3 when too large) or set "
                        + "DocumentLocation.S3.");
    }

    @Test
    void gh702DocumentsKeptInTheTemplateLeaveRoomForTheRest() {
        String warnings = warningsOf(GatewayApiProps.builder().documentLocation(DocumentLocation.INLINE).build(),
                api -> api.route("GET /a", OK, summary(650_000)));
        assertMentions(warnings, "[GH702] GatewayApi 'Api': with documentLocation(INLINE) its OpenAPI document takes 651,",
                "more than the 600,000 Gatehouse keeps for documents, which leaves the rest of the stack less than 400,000 "
                        + "bytes. Fix: leave documentLocation unset (AUTOMATIC: in S3 past the budget), or ignore this if "
                        + "the rest of the stack is small.");
    }

    @Test
    void gh703ADocumentInS3HoldsNoDynamicReference() {
        String message = errorOf(GatewayApiProps.builder().documentLocation(DocumentLocation.S3).build(),
                api -> api.route("GET /a", OK, RouteOptions.builder().authorization(Authorization.iam())
                        .summary("Owner {{resolve:ssm:/orders/owner}}").build()));
        assertMentions(message, "[GH703] GatewayApi 'Api': its OpenAPI document is kept in S3 (documentLocation S3) and "
                + "holds a dynamic reference ({{resolve:...}}), which CloudFormation resolves in a template only. Fix: use "
                + "a value CloudFormation resolves as a property instead");
    }

    // ---- One API --------------------------------------------------------------------------------

    @Test
    void gh710AtMostTenAuthorizersPerApi() {
        String warnings = warningsOf(null, api -> {
            for (int i = 0; i < 11; i++) {
                LambdaAuthorizer authorizer = LambdaAuthorizer.token(Fixtures.function(api, "Auth" + i)).build();
                api.route("GET /r" + i, OK, RouteOptions.of(authorizer.authorization()));
            }
        });
        assertMentions(warnings, "[GH710] GatewayApi 'Api': it has 11 authorizers [", "and API Gateway's default quota "
                + "'Authorizers per API (AWS Lambda and Amazon Cognito)' is 10. Fix: let routes share authorizers");
    }

    @Test
    void gh711TheResourcePolicyFitsTheDefaultQuota() {
        List<String> ips = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            ips.add("198.51." + (i / 250) + "." + (i % 250) + "/32");
        }
        String warnings = warningsOf(GatewayApiProps.builder()
                .resourcePolicy(ResourcePolicy.builder().allowSourceIps(ips).build()).build(),
                api -> api.route("GET /a", OK, RouteOptions.of(Authorization.none())));
        assertMentions(warnings, "[GH711] GatewayApi 'Api': its resource policy is about ", " characters as API Gateway "
                + "keeps it (2 execute-api:/ patterns written out as the API's ARN), more than the 8,192 of API Gateway's "
                + "default quota 'Length, in characters, of API Gateway resource policy'. Fix: merge IP ranges");
    }

    @Test
    void gh711AnOrdinaryPolicyIsWellWithin() {
        String warnings = warningsOf(GatewayApiProps.builder()
                .resourcePolicy(ResourcePolicy.builder().allowSourceIps(List.of("198.51.100.0/24")).build()).build(),
                api -> api.route("GET /a", OK, RouteOptions.of(Authorization.none())));
        assertFalse(warnings.contains("GH711"), warnings);
    }

    /** A path of {@code segments} segments of 80 characters, with one variable. */
    private static String longPath(int segments) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments; i++) {
            path.append('/').append(i == 0 ? "{id}" : "p".repeat(80));
        }
        return path.toString();
    }

    @Test
    void gh712AnAuthorizedMethodsArnIsAtMost1600Bytes() {
        String path = longPath(20);
        String message = errorOf(null, api -> api.route("GET " + path, OK, IAM));
        assertMentions(message, "[GH712] route 'GET " + path + "': its method ARN is at least 1,603 bytes "
                + "(arn:aws:execute-api:us-east-1:<account>:<api>/prod/GET/x/pppp", "), more than the 1,600 API Gateway "
                + "allows for a method with authorization or under a resource policy: every request would be answered "
                + "414. Fix: shorten the path.");
    }

    @Test
    void gh712DoesNotApplyToAPublicRouteWithoutAPolicy() {
        String warnings = warningsOf(null, api -> api.route("GET " + longPath(20), OK, RouteOptions.of(Authorization.none())));
        assertFalse(warnings.contains("GH712"), warnings);
    }

    @Test
    void gh713ARoutesUrlFitsApiGatewaysUrlLength() {
        String path = longPath(127);
        String message = errorOf(null, api -> api.route("GET " + path, OK, RouteOptions.of(Authorization.none())));
        assertMentions(message, "[GH713] route 'GET " + path + "': its URL is at least 10,2", " characters, more than the "
                + "10,240 API Gateway accepts for a Regional API. Fix: shorten the path.");
        String edge = errorOf(GatewayApiProps.builder().endpointType(ApiEndpointType.EDGE).build(),
                api -> api.route("GET " + longPath(102), OK, RouteOptions.of(Authorization.none())));
        assertMentions(edge, " characters, more than the 8,192 API Gateway accepts for an edge-optimized or private API.");
    }

    @Test
    void gh714To716StageVariablesFitApiGatewaysLimits() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            variables.put("v" + i, "ok");
        }
        variables.put("bad-name", "ok");
        variables.put("n".repeat(65), "ok");
        variables.put("spaced", "two words");
        variables.put("long", "x".repeat(513));
        String message = errorOf(null, api -> {
            api.route("GET /a", OK, IAM);
            api.getCfnStage().setVariables(variables);
        });
        assertMentions(message, "[GH714] stage 'prod': it has 104 stage variables, more than the 100 API Gateway allows. "
                        + "Fix: keep at most 100.",
                "[GH715] stage 'prod': the stage variable name 'bad-name' is not 1 to 64 letters, digits and underscores. "
                        + "Fix: rename it, e.g. 'backend_url'.",
                "[GH715] stage 'prod': the stage variable name 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...' is not 1 to 64",
                "[GH716] stage 'prod': the value of stage variable 'spaced' is 'two words', with characters other than "
                        + "letters, digits and -._~:/?#&=,. Fix: shorten it, or keep longer settings elsewhere",
                "[GH716] stage 'prod': the value of stage variable 'long' is 513 characters long (at most 512).");
    }

    @Test
    void gh717AtMost50TagsOnAStageAndAnApi() {
        String message;
        App app = new App();
        Stack stack = new Stack(app, "S");
        new GatewayApi(stack, "Api").route("GET /a", OK, IAM);
        for (int i = 0; i < 51; i++) {
            Tags.of(stack).add("team" + i, "orders");
        }
        Tags.of(stack).add("aws-cdk-ignored", "x"); // any key counts unless it starts with aws:
        message = synthError(app);
        assertMentions(message, "[GH717] GatewayApi 'Api': its RestApi has 52 tags, more than the 50 API Gateway allows. "
                        + "Fix: apply fewer tags (Tags.of(...).remove, or tag fewer scopes).",
                "[GH717] GatewayApi 'Api': its stage 'prod' has 52 tags, more than the 50 API Gateway allows.");
    }

    @Test
    void gh718ThrottlesAboveTheAccountsQuotaNeverApply() {
        String warnings = warningsOf(GatewayApiProps.builder()
                .stage(StageSettings.builder().throttle(Throttle.of(20_000, 1_000)).build()).build(), api -> {
                    api.route("GET /a", OK, RouteOptions.builder().authorization(Authorization.iam())
                            .throttle(Throttle.of(100, 6_000)).build());
                    api.addUsagePlan("Plan", UsagePlanOptions.builder().throttle(Throttle.of(12_000, 7_000)).build());
                });
        assertMentions(warnings, "[GH718] stage 'prod': its throttle (rate 20000) is above the account's default throttle "
                        + "quota in most Regions (2,500 and 1,250 in af-south-1, ap-south-2",
                        "10,000 requests per second with a burst of 5,000, which throttles all of the account's APIs first. "
                        + "Fix: lower it to the quota, or raise API Gateway's 'Throttle rate' quota through Service Quotas",
                "[GH718] route 'GET /a': its throttle (burst 6000) is above",
                "[GH718] usage plan 'Plan': its throttle (rate 12000, burst 7000) is above");
    }

    @Test
    void gh718KnowsTheRegionsWithALowerQuota() {
        App app = new App();
        Stack stack = new Stack(app, "S", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("af-south-1").build()).build());
        GatewayApi.Builder.create(stack, "Api").stage(StageSettings.builder().throttle(Throttle.of(3_000, 100)).build())
                .build().route("GET /a", OK, IAM);
        app.synth();
        String warnings = warnings(stack, "*");
        assertMentions(warnings, "[GH718] stage 'prod': its throttle (rate 3000) is above the account's default throttle "
                + "quota in af-south-1, 2,500 requests per second with a burst of 1,250");
    }

    @Test
    void gh720NamesFitCloudWatchsDimensions() {
        String path = "/" + "m".repeat(256);
        String warnings = warningsOf(GatewayApiProps.builder().apiName("n".repeat(256))
                .stage(StageSettings.builder().metricsEnabled(true).build()).build(),
                api -> api.route("GET " + path, OK, IAM));
        assertMentions(warnings, "[GH720] GatewayApi '" + "n".repeat(256) + "': its name is 256 characters long, and "
                        + "CloudWatch metric dimensions (ApiName) take at most 255. Fix: give it a shorter apiName.",
                "[GH720] route 'GET " + path + "': its path is 257 characters long, and with detailed metrics on, "
                        + "CloudWatch metric dimensions (Resource) take at most 255. Fix: shorten the path, or leave "
                        + "detailed metrics off.");
    }

    @Test
    void gh721PingIsReservedAtADomainsRoot() {
        String warnings = warningsOf(null, api -> {
            api.route("GET /ping", OK, IAM);
            api.route("GET /pong", OK, IAM);
            api.addDomain("Domain", DomainOptions.builder().domainName("api.example.com")
                    .certificate(Certificate.fromCertificateArn(api, "Cert",
                            "arn:aws:acm:us-east-1:123456789012:certificate/abc")).build());
        });
        assertMentions(warnings, "[GH721] route 'GET /ping': a custom domain maps the API at its root, where API Gateway "
                + "answers /ping itself (its health check), so the route gets no requests through the domain. Fix: give "
                + "the domain a base path (DomainOptions.basePath), or move the route.");
        assertFalse(warnings.contains("GET /pong"), warnings);
        String based = warningsOf(null, api -> {
            api.route("GET /ping", OK, IAM);
            api.addDomain("Domain", DomainOptions.builder().domainName("api.example.com").basePath("orders")
                    .certificate(Certificate.fromCertificateArn(api, "Cert",
                            "arn:aws:acm:us-east-1:123456789012:certificate/abc")).build());
        });
        assertFalse(based.contains("GH721"), based);
    }

    // ---- Usage plans ----------------------------------------------------------------------------

    @Test
    void gh725AnApiKeyIsInAtMostTenPlans() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /a", OK, RouteOptions.builder().authorization(Authorization.iam()).apiKeyRequired(true).build());
        GatewayApiKey key = api.addApiKey("Key", null);
        for (int i = 0; i < 11; i++) {
            api.addUsagePlan("Plan" + i, UsagePlanOptions.builder().apiKeys(List.of(key)).build());
        }
        app.synth();
        Annotations.fromStack(stack).hasWarning("/S/Api/Key", Match.stringLikeRegexp(".*\\[GH725\\] API key 'Key': it is in "
                + "11 usage plans, more than the 10 of API Gateway's default quota 'Usage plans per API key'\\. Fix: give "
                + "clients a key per plan, or raise the quota through Service Quotas before deploying\\..*"));
    }

    @Test
    void gh726AtMost20RouteThrottlesPerStageInAPlan() {
        String warnings = warningsOf(null, api -> {
            UsagePlanOptions.Builder plan = UsagePlanOptions.builder().throttle(Throttle.of(100, 200));
            for (int i = 0; i < 21; i++) {
                api.route("GET /r" + i, OK, RouteOptions.builder().authorization(Authorization.iam()).apiKeyRequired(true)
                        .build());
                plan.routeThrottle("GET /r" + i, Throttle.of(10, 5));
            }
            api.addUsagePlan("Plan", plan.build());
        });
        assertMentions(warnings, "[GH726] usage plan 'Plan': it throttles 21 routes of the stage, more than the 20 of API "
                + "Gateway's default quota 'Method-level throttling settings for a stage in a usage plan'. Fix: throttle "
                + "fewer routes one by one");
    }

    // ---- The stack ------------------------------------------------------------------------------

    /** Synthesizes a stack holding one API and what {@code extra} adds; returns the error or the warnings. */
    private static String stackFindings(Consumer<Stack> extra, boolean error) {
        App app = new App();
        Stack stack = new Stack(app, "S");
        new GatewayApi(stack, "Api").route("GET /a", OK, IAM);
        extra.accept(stack);
        if (error) {
            return synthError(app);
        }
        app.synth();
        return warnings(stack, "/S");
    }

    @Test
    void gh730To732AccountQuotasOnWhatTheStackCreates() {
        String warnings = stackFindings(stack -> {
            for (int i = 0; i < 301; i++) {
                CfnUsagePlan.Builder.create(stack, "Plan" + i).build();
            }
            for (int i = 0; i < 61; i++) {
                CfnClientCertificate.Builder.create(stack, "Cert" + i).build();
            }
            for (int i = 0; i < 121; i++) {
                CfnDomainName.Builder.create(stack, "Domain" + i).domainName("d" + i + ".example.com").build();
            }
        }, false);
        assertMentions(warnings, "[GH730] stack 'S': it creates 301 usage plans, more than the 300 of API Gateway's "
                        + "default quota 'Usage plans per account per Region'. Fix: share plans between APIs, or raise the "
                        + "quota through Service Quotas before deploying.",
                "[GH731] stack 'S': it creates 61 client certificates, more than the 60 of API Gateway's default quota "
                        + "'Client certificates per account per Region'. Fix: turn clientCertificate off",
                "[GH732] stack 'S': it creates 121 custom domain names, more than the 120 of API Gateway's default quota "
                        + "'Public custom domain names per account per Region'. Fix: map several APIs under one domain");
    }

    @Test
    void gh733AtMost120EdgeOptimizedApis() {
        String message = stackFindings(stack -> {
            for (int i = 0; i < 121; i++) {
                CfnRestApi.Builder.create(stack, "Edge" + i).name("edge" + i).build();
            }
        }, true);
        assertMentions(message, "[GH733] stack 'S': it creates 121 edge-optimized APIs, more than the 120 of what API "
                + "Gateway allows per account and Region (not adjustable). Fix: make the APIs REGIONAL");
    }

    @Test
    void gh719AnApisModelsTakeAtMost400Kb() {
        // Given 20 request models of about 21 KB each (420 KB together), one per route
        String message = errorOf(null, api -> {
            for (int i = 0; i < 20; i++) {
                RequestModel model = RequestModel.fromString("Order" + i,
                        "{\"type\": \"object\", \"description\": \"" + "d".repeat(21_000) + "\"}");
                api.route("POST /orders" + i, OK, RouteOptions.builder().authorization(Authorization.iam())
                        .requestValidation(RequestValidation.builder().model(model).build()).build());
            }
        });
        // Then synth fails naming the quota, which cannot be raised
        assertMentions(message, "[GH719] GatewayApi 'Api': its 20 request models take ",
                " bytes, more than the 409600 (400 KB) of API Gateway's quota 'Model size per API', which cannot be "
                        + "raised. Fix: share models between routes");
    }

    @Test
    void gh734VpcLinksWithinTheAccountsDefaultQuotas() {
        // Given a stack that creates 21 VPC links V1 and 11 VPC links V2
        String warnings = stackFindings(stack -> {
            for (int i = 0; i < 21; i++) {
                software.amazon.awscdk.services.apigateway.CfnVpcLink.Builder.create(stack, "V1Link" + i)
                        .name("v1-" + i).targetArns(List.of("arn:aws:elasticloadbalancing:us-east-1:111122223333:"
                                + "loadbalancer/net/n" + i + "/0123456789abcdef")).build();
            }
            for (int i = 0; i < 11; i++) {
                software.amazon.awscdk.services.apigatewayv2.CfnVpcLink.Builder.create(stack, "V2Link" + i)
                        .name("v2-" + i).subnetIds(List.of("subnet-0123456789abcdef0")).build();
            }
        }, false);
        // Then each kind is compared with its own quota
        assertMentions(warnings, "[GH734] stack 'S': it creates 21 VPC links V1, more than the 20 of API Gateway's "
                        + "default quota 'VPC links per account per Region' for REST APIs. Fix: share one link",
                "[GH734] stack 'S': it creates 11 VPC links V2, more than the 10 of API Gateway's default quota 'VPC "
                        + "links per account per Region' for VPC links V2.");
    }

    @Test
    void gh740To742TemplateSections() {
        String message = stackFindings(stack -> {
            for (int i = 0; i < 200; i++) {
                CfnOutput.Builder.create(stack, "Out" + i).value("v").build();
                CfnParameter.Builder.create(stack, "Param" + i).type("String").build();
            }
            CfnParameter.Builder.create(stack, "OneMore").type("String").build();
            for (int i = 0; i < 201; i++) {
                CfnMapping.Builder.create(stack, "Map" + i).mapping(Map.of("k", Map.of("v", "x"))).build();
            }
        }, true);
        assertMentions(message, "[GH740] stack 'S': it creates 201 outputs, more than the 200 of what CloudFormation "
                        + "accepts in a template. Fix: split the stack, or drop outputs nobody reads.",
                "[GH741] stack 'S': it creates 202 parameters, more than the 200 of what CloudFormation accepts in a "
                        + "template. Fix: split the stack; with the legacy synthesizer",
                "[GH742] stack 'S': it creates 201 mappings, more than the 200 of what CloudFormation accepts in a "
                        + "template. Fix: split the stack, or merge mappings.");
    }

    @Test
    void gh743To746NamesAreAtMost255Characters() {
        String name = "N".repeat(256);
        String message = stackFindings(stack -> {
            CfnTopic.Builder.create(stack, "Topic").build().overrideLogicalId(name);
            CfnOutput.Builder.create(stack, "Out").value("v").build().overrideLogicalId(name + "O");
            CfnParameter.Builder.create(stack, "Param").type("String").build().overrideLogicalId(name + "P");
            CfnMapping.Builder.create(stack, "Map").mapping(Map.of("k", Map.of("v", "x"))).build().overrideLogicalId(name + "M");
        }, true);
        String start = "N".repeat(40) + "...'";
        assertMentions(message, "[GH743] resource '" + start + " (S/Topic): its name is 256 characters long; CloudFormation "
                        + "takes at most 255. Fix: give it a shorter id",
                "[GH744] output '" + start + " (S/Out): its name is 257 characters long",
                "[GH745] parameter '" + start + " (S/Param): its name is 257 characters long",
                "[GH746] mapping '" + start + " (S/Map): its name is 257 characters long");
    }

    @Test
    void theDeploymentsIdStaysWithin255CharactersWhateverTheApisId() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        new GatewayApi(stack, "A".repeat(250)).route("GET /a", OK, IAM);
        JsonNode template = Fixtures.templateJson(stack);
        String id = Fixtures.onlyResource(template, "AWS::ApiGateway::Deployment").get("id").asText();
        assertEquals(255, id.length(), id);
        assertTrue(id.startsWith("AAAA"), id);
    }
}
