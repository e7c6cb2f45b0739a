package dev.gatehouse.checks.openapi;

import static dev.gatehouse.checks.openapi.RuleFindings.iterable;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules for an operation's {@code x-amazon-apigateway-integration} (AWS's
 * "x-amazon-apigateway-integration object" page): its type and required fields per type, Lambda
 * and AWS service URIs, HTTP URLs and the parameters they use, private integrations (VPC links V1
 * and V2), response streaming, timeouts, parameter mappings and integration responses.
 */
final class IntegrationRules {
    private static final Set<String> INTEGRATION_FIELDS = Set.of("cacheKeyParameters", "cacheNamespace",
            "connectionId", "connectionType", "credentials", "contentHandling", "httpMethod", "integrationSubtype",
            "integrationTarget", "passthroughBehavior", "payloadFormatVersion", "requestParameters", "requestTemplates",
            "responses", "timeoutInMillis", "type", "tlsConfig", "uri", "responseTransferMode");
    private static final Set<String> INTEGRATION_TYPES = Set.of("aws", "aws_proxy", "http", "http_proxy", "mock");
    private static final Set<String> INTEGRATION_RESPONSE_FIELDS = Set.of("statusCode", "responseParameters",
            "responseTemplates", "contentHandling");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY");
    /** API Gateway's default integration timeout quota, and the limit with response streaming (15 minutes). */
    private static final int DEFAULT_TIMEOUT_MILLIS = 29_000;
    private static final int STREAMING_TIMEOUT_MILLIS = 900_000;

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([A-Za-z0-9._-]+)(\\+?)}");
    private static final Pattern AWS_SERVICE_URI = Pattern.compile(
            "arn:([^:]+):apigateway:([^:]+):([A-Za-z0-9.{}-]+):(path|action)/.+");
    private static final Pattern LOAD_BALANCER_ARN = Pattern.compile(
            "arn:[a-z0-9-]+:elasticloadbalancing:[a-z0-9-]+:\\d{12}:loadbalancer/(app|net)/.+");
    private static final Pattern INTEGRATION_PARAMETER = Pattern.compile(
            "integration\\.request\\.(path|querystring|header|multivaluequerystring|multivalueheader)\\.([^.\\s]+)");
    private static final Pattern METHOD_PARAMETER = Pattern.compile(
            "method\\.request\\.(path|querystring|header|multivaluequerystring|multivalueheader)\\.([^\\s]+)");
    private static final Pattern OTHER_SOURCE = Pattern.compile(
            "'[^']*'|method\\.request\\.body(\\..+)?|context\\.[A-Za-z0-9._-]+|stageVariables\\.[A-Za-z0-9_]+");
    private static final Pattern RESPONSE_TARGET = Pattern.compile("method\\.response\\.header\\.([^\\s]+)");
    private static final Pattern RESPONSE_SOURCE = Pattern.compile(
            "'[^']*'|integration\\.response\\.(header|multivalueheader)\\.[^\\s]+|integration\\.response\\.body(\\..+)?"
                    + "|context\\.[A-Za-z0-9._-]+|stageVariables\\.[A-Za-z0-9_]+");
    static final Pattern STATUS_CODE = Pattern.compile("[1-5]\\d\\d");
    private static final Pattern IAM_ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");
    /** x-amazon-apigateway-integration.credentials: the caller's identity instead of a role. */
    private static final Pattern CALLER_CREDENTIALS = Pattern.compile("arn:aws[a-z-]*:iam::\\*:user/\\*");

    private final RuleFindings out;

    IntegrationRules(RuleFindings out) {
        this.out = out;
    }

    /**
     * @param declared the operation's parameters as {@code in.name} ("path.id", "query.q")
     * @param methodResponses the operation's {@code responses}
     */
    void integration(JsonNode integration, String at, Set<String> declared, JsonNode methodResponses) {
        if (integration.has("$ref")) {
            out.error(at + ".$ref", "REST APIs do not resolve a $ref to a shared integration "
                    + "(x-amazon-apigateway-integrations is an HTTP API feature). Fix: write the integration on the operation.");
            return;
        }
        out.fields(integration, INTEGRATION_FIELDS, at);
        String type = integration.path("type").asText("").toLowerCase(Locale.ROOT);
        if (!INTEGRATION_TYPES.contains(type)) {
            out.error(at + ".type", integration.has("type") ? "'" + integration.get("type").asText()
                    + "' is not an integration type (aws, aws_proxy, http, http_proxy, mock)." : "the integration has no type.");
            return;
        }
        for (String httpApiOnly : List.of("integrationSubtype", "payloadFormatVersion")) {
            if (integration.has(httpApiOnly)) {
                out.warning(at + "." + httpApiOnly, httpApiOnly + " applies to HTTP APIs only; REST APIs ignore it.");
            }
        }
        String uri = integration.path("uri").asText(null);
        String httpMethod = integration.path("httpMethod").asText(null);
        if (!type.equals("mock")) {
            if (uri == null) {
                out.error(at, "a " + type + " integration needs a uri.");
            }
            if (httpMethod == null) {
                out.error(at, "a " + type + " integration needs httpMethod (the method API Gateway uses to call the backend).");
            } else if (!HTTP_METHODS.contains(httpMethod.toUpperCase(Locale.ROOT))) {
                out.error(at + ".httpMethod", "'" + httpMethod + "' is not an HTTP method.");
            }
        }
        if (uri != null) {
            uri(integration, type, uri, httpMethod, at);
        }
        privateIntegration(integration, at);
        credentials(integration, at);
        streamingAndTimeout(integration, type, at);
        out.enumField(integration, "connectionType", Set.of("INTERNET", "VPC_LINK"), at);
        out.enumField(integration, "contentHandling", Set.of("CONVERT_TO_TEXT", "CONVERT_TO_BINARY"), at);
        out.enumField(integration, "passthroughBehavior", Set.of("WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER"), at);
        JsonNode tls = integration.get("tlsConfig");
        if (tls != null) {
            out.fields(tls, Set.of("insecureSkipVerification"), at + ".tlsConfig");
        }
        requestParameters(integration, at, declared);
        templates(integration.get("requestTemplates"), at + ".requestTemplates");
        for (Map.Entry<String, JsonNode> r : iterable(integration.path("responses"))) {
            integrationResponse(r.getValue(), at + ".responses." + r.getKey(), methodResponses);
        }
    }

    private void uri(JsonNode integration, String type, String uri, String httpMethod, String at) {
        switch (type) {
            case "aws_proxy" -> {
                lambdaUri(uri, at + ".uri");
                if (httpMethod != null && !httpMethod.equalsIgnoreCase("POST")) {
                    out.error(at + ".httpMethod", "Lambda is invoked with POST, whatever the route's method; got " + httpMethod + ".");
                }
            }
            case "aws" -> {
                if (uri.contains(":lambda:path/")) {
                    lambdaUri(uri, at + ".uri");
                    if (httpMethod != null && !httpMethod.equalsIgnoreCase("POST")) {
                        out.error(at + ".httpMethod", "Lambda is invoked with POST; got " + httpMethod + ".");
                    }
                } else if (!AWS_SERVICE_URI.matcher(uri).matches() && !unknown(uri)) {
                    out.error(at + ".uri", "'" + uri + "' is not an AWS service integration URI "
                            + "(arn:aws:apigateway:{region}:{service}:path|action/...).");
                }
            }
            case "http", "http_proxy" -> httpUri(integration, uri, at);
            default -> {
                // mock: the uri is not used
            }
        }
    }

    /** Checks a Lambda invocation URI, of an integration or of an authorizer. */
    void lambdaUri(String uri, String at) {
        if (unknown(uri)) {
            return; // the whole URI comes from outside the template
        }
        Optional<LambdaUri> lambda = LambdaUri.parse(uri);
        if (lambda.isEmpty()) {
            out.error(at, "'" + uri + "' is not a Lambda invocation URI; expected "
                    + "arn:{partition}:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations "
                    + "(or .../2021-11-15/functions/{function ARN}/response-streaming-invocations for response streaming).");
            return;
        }
        lambda.get().functionProblem().ifPresent(problem -> out.error(at, problem));
    }

    private static boolean unknown(String value) {
        DeployTimeValues.Placeholder p = DeployTimeValues.placeholder(value);
        return p != null && p.unknown();
    }

    private void httpUri(JsonNode integration, String uri, String at) {
        if (DeployTimeValues.hasPlaceholder(uri)) {
            String literal = uri.substring(0, uri.indexOf("{{"));
            if (!literal.isEmpty() && !literal.startsWith("http://") && !literal.startsWith("https://")) {
                out.error(at + ".uri", "'" + uri + "' does not start with http:// or https://.");
            }
            return;
        }
        if (!uri.startsWith("https://") && !uri.startsWith("http://") && !uri.startsWith("${stageVariables.")) {
            out.error(at + ".uri", "'" + uri + "' is not an absolute http:// or https:// URL.");
            return;
        }
        Matcher m = PATH_VARIABLE.matcher(uri.replaceAll("\\$\\{[^}]*}", ""));
        Set<String> mapped = new LinkedHashSet<>();
        integration.path("requestParameters").fieldNames().forEachRemaining(mapped::add);
        while (m.find()) {
            String name = m.group(1);
            if (!mapped.contains("integration.request.path." + name)) {
                out.error(at + ".uri", "the URL uses {" + name + "}, but requestParameters does not map "
                        + "integration.request.path." + name + ".");
            }
        }
    }

    /**
     * {@code credentials}: "For AWS IAM role-based credentials, specify the ARN of an appropriate IAM
     * role. ... To use the caller's identity, specify arn:aws:iam::*:user/*"
     * (x-amazon-apigateway-integration object).
     */
    private void credentials(JsonNode integration, String at) {
        JsonNode credentials = integration.get("credentials");
        if (credentials != null && !IAM_ROLE_ARN.matcher(credentials.asText()).matches()
                && !CALLER_CREDENTIALS.matcher(credentials.asText()).matches()
                && !DeployTimeValues.isArnOf(credentials.asText(), "AWS::IAM::Role")) {
            out.error(at + ".credentials", "'" + credentials.asText() + "' is neither the ARN of an IAM role API Gateway "
                    + "assumes nor arn:aws:iam::*:user/* (the caller's own credentials).");
        }
    }

    /** VPC links: V1 (connectionId) and V2 (connectionId and integrationTarget, a load balancer ARN). */
    private void privateIntegration(JsonNode integration, String at) {
        boolean vpcLink = "VPC_LINK".equalsIgnoreCase(integration.path("connectionType").asText());
        if (vpcLink && !integration.has("connectionId")) {
            out.error(at, "a VPC_LINK integration needs connectionId, the id of the VPC link (or ${stageVariables.name}).");
        }
        JsonNode target = integration.get("integrationTarget");
        if (target == null) {
            return;
        }
        if (!vpcLink) {
            out.error(at + ".integrationTarget", "integrationTarget (the load balancer of a VPC link V2) applies only to "
                    + "private integrations. Fix: set connectionType VPC_LINK and connectionId, or remove it.");
        }
        String arn = target.asText();
        DeployTimeValues.Placeholder value = DeployTimeValues.placeholder(arn);
        boolean deployTime = value != null && (value.unknown()
                || value.resourceType().equals("AWS::ElasticLoadBalancingV2::LoadBalancer") && !value.kind().equals("att"));
        if (!LOAD_BALANCER_ARN.matcher(arn).matches() && !deployTime && !arn.startsWith("${stageVariables.")) {
            out.error(at + ".integrationTarget", "'" + arn + "' is not the ARN of an Application or Network Load Balancer "
                    + "(arn:aws:elasticloadbalancing:{region}:{account}:loadbalancer/app|net/...).");
        }
    }

    /** Response streaming is for proxy integrations, and allows timeouts up to 15 minutes. */
    private void streamingAndTimeout(JsonNode integration, String type, String at) {
        out.enumField(integration, "responseTransferMode", Set.of("BUFFERED", "STREAM"), at);
        boolean streaming = "STREAM".equalsIgnoreCase(integration.path("responseTransferMode").asText());
        if (streaming && !type.equals("aws_proxy") && !type.equals("http_proxy")) {
            out.error(at + ".responseTransferMode", "API Gateway streams responses of aws_proxy and http_proxy "
                    + "integrations only; this one is " + type + ". Fix: use a proxy integration, or BUFFERED.");
        }
        JsonNode timeout = integration.get("timeoutInMillis");
        if (timeout == null || RuleFindings.deployTime(timeout)) {
            return;
        }
        int limit = streaming ? STREAMING_TIMEOUT_MILLIS : DEFAULT_TIMEOUT_MILLIS;
        if (!timeout.canConvertToInt() || timeout.asInt() < 50) {
            out.error(at + ".timeoutInMillis", "expected at least 50 milliseconds, got " + timeout + ".");
        } else if (streaming && timeout.asInt() > limit) {
            out.error(at + ".timeoutInMillis", timeout.asInt() + " ms is above the 900,000 ms (15 minutes) that a "
                    + "streaming integration allows.");
        } else if (timeout.asInt() > limit) {
            out.warning(at + ".timeoutInMillis", timeout.asInt() + " ms is above the 29,000 ms default quota; it needs a "
                    + "quota increase (REGIONAL and PRIVATE APIs only), or response streaming.");
        }
    }

    private void requestParameters(JsonNode integration, String at, Set<String> declared) {
        for (Map.Entry<String, JsonNode> p : iterable(integration.path("requestParameters"))) {
            String where = at + ".requestParameters." + p.getKey();
            if (!INTEGRATION_PARAMETER.matcher(p.getKey()).matches()) {
                out.error(where, "'" + p.getKey() + "' is not integration.request.path|querystring|header.<name>.");
            }
            String source = p.getValue().asText();
            Matcher m = METHOD_PARAMETER.matcher(source);
            if (m.matches()) {
                String in = switch (m.group(1)) {
                    case "querystring", "multivaluequerystring" -> "query";
                    case "header", "multivalueheader" -> "header";
                    default -> "path";
                };
                if (!declared.contains(in + "." + m.group(2))) {
                    out.error(where, "maps " + source + ", which the operation does not declare as a " + in
                            + " parameter; API Gateway rejects the mapping (\"Invalid mapping expression\").");
                }
            } else if (!OTHER_SOURCE.matcher(source).matches()) {
                out.error(where, "'" + source + "' is neither a method request parameter, a quoted static value, the body, "
                        + "a context variable nor a stage variable.");
            }
        }
    }

    /**
     * An integration response. One that maps to a status the operation's responses do not declare
     * is imported (AWS's own Lambda proxy, HTTP proxy and authorizer examples have that shape); what
     * the import rejects is a header mapping to a declared method response that lacks the header.
     */
    private void integrationResponse(JsonNode response, String at, JsonNode methodResponses) {
        out.fields(response, INTEGRATION_RESPONSE_FIELDS, at);
        JsonNode status = response.get("statusCode");
        if (status == null || !STATUS_CODE.matcher(status.asText()).matches()) {
            out.error(at + ".statusCode", status == null ? "an integration response needs the statusCode of the method "
                    + "response it maps to." : "'" + status.asText() + "' is not an HTTP status code.");
            return;
        }
        JsonNode methodResponse = methodResponses.get(status.asText());
        out.enumField(response, "contentHandling", Set.of("CONVERT_TO_TEXT", "CONVERT_TO_BINARY"), at);
        for (Map.Entry<String, JsonNode> p : iterable(response.path("responseParameters"))) {
            String where = at + ".responseParameters." + p.getKey();
            Matcher target = RESPONSE_TARGET.matcher(p.getKey());
            if (!target.matches()) {
                out.error(where, "'" + p.getKey() + "' is not method.response.header.<name>.");
            } else if (methodResponse != null && !hasHeader(methodResponse, target.group(1))) {
                out.error(where, "sets header " + target.group(1) + ", which the " + status.asText()
                        + " response does not declare in its headers; API Gateway rejects the mapping.");
            }
            if (!RESPONSE_SOURCE.matcher(p.getValue().asText()).matches()) {
                out.error(where, "'" + p.getValue().asText() + "' is neither a quoted static value ('...') nor "
                        + "integration.response.header|body..., a context or a stage variable.");
            }
        }
        templates(response.get("responseTemplates"), at + ".responseTemplates");
    }

    private static boolean hasHeader(JsonNode methodResponse, String header) {
        for (Map.Entry<String, JsonNode> h : iterable(methodResponse.path("headers"))) {
            if (h.getKey().equalsIgnoreCase(header)) {
                return true;
            }
        }
        return false;
    }

    /** Mapping templates: strings of at most 300 KB. */
    void templates(JsonNode templates, String at) {
        if (templates == null) {
            return;
        }
        if (!templates.isObject()) {
            out.error(at, "expected a map of content type to mapping template.");
            return;
        }
        for (Map.Entry<String, JsonNode> t : iterable(templates)) {
            if (!t.getValue().isTextual()) {
                out.error(at + "." + t.getKey(), "a mapping template is a string.");
            } else if (t.getValue().asText().length() > 300 * 1024) {
                out.error(at + "." + t.getKey(), "the mapping template is over API Gateway's 300 KB limit.");
            }
        }
    }
}
