package dev.gatehouse.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.api.GatewayDomain;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.apigateway.CfnBasePathMapping;
import software.amazon.awscdk.services.apigateway.CfnRestApi;
import software.amazon.awscdk.services.apigateway.CfnStage;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * API Gateway's limits on one API (rules GH710 to GH721): authorizers, the resource policy's
 * length, method ARNs and URLs, stage variables, tags, throttles against the account's quota, models,
 * CloudWatch's dimensions and the paths API Gateway reserves. Sources and values are listed in
 * docs/service-limits.md.
 */
public final class ApiLimits {
    static final int MAX_AUTHORIZERS = 10;
    static final int MAX_POLICY_CHARS = 8_192;
    static final int MAX_METHOD_ARN_BYTES = 1_600;
    static final int MAX_REGIONAL_URL = 10_240;
    static final int MAX_EDGE_OR_PRIVATE_URL = 8_192;
    static final int MAX_STAGE_VARIABLES = 100;
    static final int MAX_TAGS = 50;
    static final int MAX_DIMENSION = 255;
    static final int MAX_MODEL_BYTES = 400 * 1024;
    /** The shortest Region name, for a stack whose Region is known only at deploy time. */
    private static final String SHORTEST_REGION = "us-east-1";
    /** The longest Region name in use, for an estimate that should not fall short. */
    private static final int LONGEST_REGION = 14;
    private static final int ACCOUNT = 12;
    private static final int API_ID = 10;
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern VARIABLE_VALUE = Pattern.compile("[A-Za-z0-9\\-._~:/?#&=,]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Construct api;
    private final String subject;
    private final Stack stack;
    private final Findings findings;

    private ApiLimits(Construct api, String apiName, Findings findings) {
        this.api = api;
        this.subject = "GatewayApi '" + apiName + "'";
        this.stack = Stack.of(api);
        this.findings = findings;
    }

    /** Checks the API of {@code api}'s node (its RestApi {@code Resource} and {@code Stage}). */
    public static void check(Construct api, String apiName, RouteTable routes, DocumentRenderer document,
            Findings findings) {
        ApiLimits limits = new ApiLimits(api, apiName, findings);
        DocumentRenderer.Rendered rendered = document.rendered();
        CfnRestApi restApi = (CfnRestApi) api.getNode().findChild("Resource");
        CfnStage stage = (CfnStage) api.getNode().findChild("Stage");
        limits.authorizers(rendered.document());
        limits.models(rendered.document());
        limits.policy(rendered.policy().policy());
        limits.routes(routes.declared(), rendered.policy().policy() != null, stage.getStageName(), endpointTypes(restApi).get(0),
                metricsEnabled(rendered.methodSettings()));
        limits.stageVariables(stage);
        limits.tags("its RestApi", restApi.getTags().tagValues());
        limits.tags("its stage '" + stage.getStageName() + "'", stage.getTags().tagValues());
        Map<String, Object> stageWide = rendered.methodSettings().get(0);
        AccountThrottleQuota.check((Double) stageWide.get("throttlingRateLimit"),
                (Integer) stageWide.get("throttlingBurstLimit"), "stage '" + stage.getStageName() + "'", limits.stack,
                findings);
        if (apiName.length() > MAX_DIMENSION) {
            findings.report(Rules.METRIC_DIMENSIONS, limits.subject, "its name is " + apiName.length()
                            + " characters long, and CloudWatch metric dimensions (ApiName) take at most 255.",
                    "give it a shorter apiName.");
        }
    }

    private void authorizers(JsonNode document) {
        List<String> names = new ArrayList<>();
        document.path("components").path("securitySchemes").fields().forEachRemaining(scheme -> {
            if (scheme.getValue().has("x-amazon-apigateway-authorizer")) {
                names.add(scheme.getKey());
            }
        });
        if (names.size() > MAX_AUTHORIZERS) {
            findings.report(Rules.AUTHORIZERS_PER_API, subject, "it has " + names.size() + " authorizers " + names
                            + ", and API Gateway's default quota 'Authorizers per API (AWS Lambda and Amazon Cognito)' is "
                            + MAX_AUTHORIZERS + ".",
                    "let routes share authorizers (one JwtAuthorizer serves routes with different scopes), or have AWS "
                            + "Support raise the quota for this API before deploying it.");
        }
    }

    /** The request models' size: components.schemas as compact JSON (API Gateway's own count is not published). */
    private void models(JsonNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        if (schemas.isMissingNode() || schemas.isEmpty()) {
            return;
        }
        int bytes = schemas.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_MODEL_BYTES) {
            findings.report(Rules.MODEL_SIZE, subject, "its " + schemas.size() + " request models take " + bytes
                            + " bytes, more than the " + MAX_MODEL_BYTES + " (400 KB) of API Gateway's quota 'Model "
                            + "size per API', which cannot be raised.",
                    "share models between routes (a RequestModel used by several routes is declared once), drop "
                            + "descriptions and examples from the schemas, or split the API.");
        }
    }

    /** The policy's length as API Gateway keeps it: each execute-api:/ is the API's ARN. */
    private void policy(Map<String, Object> policy) {
        if (policy == null) {
            return;
        }
        String text;
        try {
            text = JSON.writeValueAsString(stack.resolve(policy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(subject + ": its resource policy could not be written as JSON", e);
        }
        int patterns = (text.length() - text.replace("execute-api:/", "").length()) / "execute-api:/".length();
        String partition = Token.isUnresolved(stack.getPartition()) ? "aws" : stack.getPartition();
        int region = Token.isUnresolved(stack.getRegion()) ? LONGEST_REGION : stack.getRegion().length();
        int arnPrefix = ("arn:" + partition + ":execute-api:").length() + region + 1 + ACCOUNT + 1 + API_ID + 1;
        long length = text.length() + (long) patterns * (arnPrefix - "execute-api:/".length());
        if (length > MAX_POLICY_CHARS) {
            findings.report(Rules.RESOURCE_POLICY_LENGTH, subject, "its resource policy is about "
                            + DocumentLimits.bytes(length) + " characters as API Gateway keeps it (" + patterns
                            + " execute-api:/ patterns written out as the API's ARN), more than the 8,192 of API "
                            + "Gateway's default quota 'Length, in characters, of API Gateway resource policy'.",
                    "merge IP ranges into wider CIDR blocks or routes under fewer paths, or raise the quota through "
                            + "Service Quotas before deploying.");
        }
    }

    private void routes(List<RouteTable.DeclaredRoute> declared, boolean resourcePolicy, String stageName,
            String endpointType, boolean detailedMetrics) {
        String partition = Token.isUnresolved(stack.getPartition()) ? "aws" : stack.getPartition();
        String region = Token.isUnresolved(stack.getRegion()) ? SHORTEST_REGION : stack.getRegion();
        int maxUrl = "REGIONAL".equals(endpointType) ? MAX_REGIONAL_URL : MAX_EDGE_OR_PRIVATE_URL;
        boolean rootDomain = hasRootDomain();
        for (RouteTable.DeclaredRoute route : declared) {
            if (route.operation() == null || route.path() == null || route.route().getMethod() == null) {
                continue;
            }
            String spec = route.route().toString();
            String path = route.path().shape().replace("{}", "x");
            String method = route.route().getMethod().name().equals("ANY") ? "GET" : route.route().getMethod().name();
            JsonNode security = route.operation().path("security");
            boolean authorized = resourcePolicy || (security.isArray() && security.size() > 0 && security.get(0).size() > 0);
            long arn = ("arn:" + partition + ":execute-api:" + region + ":").length() + ACCOUNT + 1 + API_ID + 1
                    + stageName.length() + 1 + method.length() + utf8(path);
            if (authorized && arn > MAX_METHOD_ARN_BYTES) {
                findings.report(Rules.METHOD_ARN_LENGTH, "route '" + spec + "'", "its method ARN is at least "
                                + DocumentLimits.bytes(arn) + " bytes (arn:" + partition + ":execute-api:" + region + ":<account>:<api>/" + stageName
                                + "/" + method + path.substring(0, Math.min(path.length(), 40)) + "...), more than the "
                                + DocumentLimits.bytes(MAX_METHOD_ARN_BYTES) + " API Gateway allows for a method with authorization or under a "
                                + "resource policy: every request would be answered 414.",
                        "shorten the path.");
            }
            long url = ("https://" + "." + "execute-api." + region + ".amazonaws.com/").length() + API_ID
                    + stageName.length() + path.length();
            if (url > maxUrl) {
                findings.report(Rules.URL_LENGTH, "route '" + spec + "'", "its URL is at least " + DocumentLimits.bytes(url)
                                + " characters, more than the " + DocumentLimits.bytes(maxUrl) + " API Gateway accepts for "
                                + ("REGIONAL".equals(endpointType) ? "a Regional" : "an edge-optimized or private")
                                + " API.",
                        "shorten the path.");
            }
            if (detailedMetrics && route.path().path().length() > MAX_DIMENSION) {
                findings.report(Rules.METRIC_DIMENSIONS, "route '" + spec + "'", "its path is "
                                + route.path().path().length() + " characters long, and with detailed metrics on, "
                                + "CloudWatch metric dimensions (Resource) take at most 255.",
                        "shorten the path, or leave detailed metrics off.");
            }
            String reserved = route.path().path().equals("/ping") || route.path().path().equals("/sping")
                    ? route.path().path() : null;
            if (rootDomain && reserved != null) {
                findings.report(Rules.RESERVED_PATHS, "route '" + spec + "'", "a custom domain maps the API at its root, "
                                + "where API Gateway answers " + reserved + " itself (its health check), so the route "
                                + "gets no requests through the domain.",
                        "give the domain a base path (DomainOptions.basePath), or move the route.");
            }
            AccountThrottleQuota.check(route.route().getOptions().getThrottle(), "route '" + spec + "'", stack, findings);
        }
    }

    /** Whether a custom domain of this API maps it at the domain's root (no base path). */
    private boolean hasRootDomain() {
        for (IConstruct child : api.getNode().getChildren()) {
            if (child instanceof GatewayDomain && child.getNode().tryFindChild("Mapping") instanceof CfnBasePathMapping
                    mapping && mapping.getBasePath() == null) {
                return true;
            }
        }
        return false;
    }

    private void stageVariables(CfnStage stage) {
        if (!(stage.getVariables() instanceof Map<?, ?> variables)) {
            return;
        }
        String where = "stage '" + stage.getStageName() + "'";
        if (variables.size() > MAX_STAGE_VARIABLES) {
            findings.report(Rules.STAGE_VARIABLE_COUNT, where, "it has " + variables.size()
                    + " stage variables, more than the 100 API Gateway allows.", "keep at most 100.");
        }
        variables.forEach((name, value) -> {
            String key = String.valueOf(name);
            if (!VARIABLE_NAME.matcher(key).matches()) {
                findings.report(Rules.STAGE_VARIABLE_NAME, where, "the stage variable name '" + shorten(key)
                                + "' is not 1 to 64 letters, digits and underscores.",
                        "rename it, e.g. 'backend_url'.");
            }
            String text = String.valueOf(value);
            if (text.length() > 512 || (!Token.isUnresolved(text) && !VARIABLE_VALUE.matcher(text).matches())) {
                findings.report(Rules.STAGE_VARIABLE_VALUE, where, "the value of stage variable '" + shorten(key)
                                + "' is " + (text.length() > 512 ? text.length() + " characters long (at most 512)"
                                : "'" + shorten(text) + "', with characters other than letters, digits and -._~:/?#&=,")
                                + ".",
                        "shorten it, or keep longer settings elsewhere (e.g. SSM parameters read by the backend).");
            }
        });
    }

    private void tags(String what, Map<String, String> tags) {
        long count = tags.keySet().stream().filter(k -> !k.startsWith("aws:")).count();
        if (count > MAX_TAGS) {
            findings.report(Rules.STAGE_TAGS, subject, what + " has " + count + " tags, more than the 50 API Gateway "
                    + "allows.", "apply fewer tags (Tags.of(...).remove, or tag fewer scopes).");
        }
    }

    /** The RestApi's endpoint types, as set on it ({@code EDGE} when it sets none, CloudFormation's default). */
    static List<String> endpointTypes(CfnRestApi restApi) {
        Object resolved = Stack.of(restApi).resolve(restApi.getEndpointConfiguration());
        if (resolved instanceof Map<?, ?> config) {
            Object types = config.containsKey("types") ? config.get("types") : config.get("Types");
            if (types instanceof List<?> list && !list.isEmpty()) {
                return list.stream().map(String::valueOf).toList();
            }
        }
        return List.of("EDGE");
    }

    private static boolean metricsEnabled(List<Map<String, Object>> methodSettings) {
        return Boolean.TRUE.equals(methodSettings.get(0).get("metricsEnabled"));
    }

    private static long utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
