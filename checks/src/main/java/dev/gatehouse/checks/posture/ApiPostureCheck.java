package dev.gatehouse.checks.posture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.checks.CheckResult;
import dev.gatehouse.checks.Finding;
import dev.gatehouse.checks.RestApiDocuments;
import dev.gatehouse.checks.S3Documents;
import dev.gatehouse.checks.Severity;
import dev.gatehouse.checks.internal.Intrinsics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gatehouse's posture rules for API Gateway REST APIs, for what cdk-nag cannot see: cdk-nag's
 * authorization rules (AwsSolutions-APIG4, -COG4) read {@code AWS::ApiGateway::Method} resources
 * and its request validation rule (-APIG2) {@code AWS::ApiGateway::RequestValidator} resources,
 * while a Gatehouse API declares all of that inside the RestApi's OpenAPI {@code Body}.
 *
 * <ul>
 *   <li><b>authorization declared</b>: every operation has a {@code security} list, either naming
 *       its authorization or empty ({@code "security": []}), which declares it public on
 *       purpose. An operation without one is a finding: API Gateway would make it public
 *       silently (it ignores document-level security).</li>
 *   <li><b>request validation where a body is accepted</b>: every operation that can receive a
 *       body (POST, PUT, PATCH, ANY, or one that declares a requestBody) and reaches a backend
 *       (not a mock) is covered by a request validator that validates the body and the
 *       parameters, set on the operation or as the document's default.</li>
 *   <li><b>logging and tracing on</b>: every stage of a RestApi has X-Ray tracing, access logs
 *       (destination and format), and execution logging (ERROR or INFO) for all methods, and does
 *       not log full requests and responses (data trace), which may carry credentials.</li>
 * </ul>
 */
public final class ApiPostureCheck {
    /** This check's id in findings. */
    public static final String ID = "api-posture";

    private static final Set<String> BODY_METHODS = Set.of("post", "put", "patch", "x-amazon-apigateway-any-method");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "x-amazon-apigateway-any-method");

    /** What the check counted, for the report. */
    private record Counts(int operations, int publicOperations, int stages) {
    }

    /**
     * Checks every RestApi document and every {@code AWS::ApiGateway::Stage} in {@code template};
     * documents in S3 are not read ({@link S3Documents#NONE}).
     */
    public CheckResult checkTemplate(JsonNode template) {
        return checkTemplate(template, S3Documents.NONE);
    }

    /**
     * Checks every RestApi document (those in S3 read through {@code s3}, e.g. a
     * {@link dev.gatehouse.checks.CloudAssembly}) and every {@code AWS::ApiGateway::Stage} in
     * {@code template}. A document that cannot be read is the OpenAPI check's to report.
     */
    public CheckResult checkTemplate(JsonNode template, S3Documents s3) {
        List<Finding> findings = new ArrayList<>();
        List<String> publicOperations = new ArrayList<>();
        int operations = 0;
        for (RestApiDocuments.Document document : RestApiDocuments.of(template, s3).documents()) {
            operations += document(document.document(), document.subject(), findings, publicOperations);
        }
        int stages = 0;
        for (Map.Entry<String, JsonNode> e : iterable(template.path("Resources"))) {
            if (e.getValue().path("Type").asText().equals("AWS::ApiGateway::Stage")) {
                stages++;
                stage(e.getKey(), e.getValue().path("Properties"), findings);
            }
        }
        return result(findings, new Counts(operations, publicOperations.size(), stages), publicOperations);
    }

    /** Checks one document on its own (no stages). */
    public CheckResult checkDocument(JsonNode document, String name) {
        List<Finding> findings = new ArrayList<>();
        List<String> publicOperations = new ArrayList<>();
        int operations = document(document, name, findings, publicOperations);
        return result(findings, new Counts(operations, publicOperations.size(), 0), publicOperations);
    }

    private static CheckResult result(List<Finding> findings, Counts counts, List<String> publicOperations) {
        // public OPTIONS operations (CORS preflights, as a rule) are counted, the others named
        List<String> named = publicOperations.stream().filter(r -> !r.startsWith("OPTIONS ")).toList();
        long options = publicOperations.size() - named.size();
        List<String> listed = new ArrayList<>(named);
        if (options > 0) {
            listed.add("OPTIONS on " + options + (options == 1 ? " path" : " paths"));
        }
        String checked = counts.operations() + " operations (" + counts.publicOperations() + " public on purpose"
                + (listed.isEmpty() ? "" : ": " + String.join(", ", listed)) + ")"
                + (counts.stages() > 0 ? ", " + counts.stages() + " stage" + (counts.stages() == 1 ? "" : "s") : "");
        return new CheckResult(ID, "API posture: authorization declared, request validation, logging and tracing",
                checked, findings);
    }

    private static int document(JsonNode document, String subject, List<Finding> findings, List<String> publicOperations) {
        JsonNode validators = document.path("x-amazon-apigateway-request-validators");
        JsonNode defaultValidator = document.get("x-amazon-apigateway-request-validator");
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : iterable(document.path("paths"))) {
            for (Map.Entry<String, JsonNode> entry : iterable(path.getValue())) {
                String method = entry.getKey();
                if (!METHODS.contains(method)) {
                    continue;
                }
                operations++;
                JsonNode operation = entry.getValue();
                String route = (method.equals("x-amazon-apigateway-any-method") ? "ANY" : method.toUpperCase(Locale.ROOT))
                        + " " + path.getKey();
                String at = "paths." + path.getKey() + "." + method;
                JsonNode security = operation.get("security");
                if (security == null) {
                    findings.add(new Finding(ID, Severity.ERROR, subject, at, route + ": no authorization declared. "
                            + "Give it a security requirement, or \"security\": [] to make it public on purpose."));
                } else if (security.isArray() && security.isEmpty()) {
                    publicOperations.add(route);
                }
                if (acceptsBody(method, operation) && !isMock(operation)) {
                    JsonNode named = operation.has("x-amazon-apigateway-request-validator")
                            ? operation.get("x-amazon-apigateway-request-validator") : defaultValidator;
                    JsonNode validator = named == null ? null : validators.get(named.asText());
                    if (validator == null) {
                        findings.add(new Finding(ID, Severity.ERROR, subject, at, route + " accepts a body, but no request "
                                + "validator applies to it. Set x-amazon-apigateway-request-validator (on the operation or "
                                + "the document) to a validator with validateRequestBody and validateRequestParameters."));
                    } else if (!validator.path("validateRequestBody").asBoolean(false)
                            || !validator.path("validateRequestParameters").asBoolean(false)) {
                        findings.add(new Finding(ID, Severity.ERROR, subject, at, route + " accepts a body, but its "
                                + "request validator '" + named.asText() + "' does not validate both the body and the "
                                + "parameters."));
                    }
                }
            }
        }
        return operations;
    }

    private static boolean acceptsBody(String method, JsonNode operation) {
        return BODY_METHODS.contains(method) || operation.has("requestBody");
    }

    private static boolean isMock(JsonNode operation) {
        return "mock".equalsIgnoreCase(operation.path("x-amazon-apigateway-integration").path("type").asText());
    }

    private static void stage(String id, JsonNode properties, List<Finding> findings) {
        String subject = id + " (AWS::ApiGateway::Stage)";
        if (!isTrue(properties.get("TracingEnabled"))) {
            findings.add(new Finding(ID, Severity.ERROR, subject, "Properties.TracingEnabled",
                    "X-Ray tracing is off. Turn it on (Gatehouse's default)."));
        }
        JsonNode accessLog = properties.path("AccessLogSetting");
        if (!accessLog.has("DestinationArn") || !accessLog.has("Format")) {
            findings.add(new Finding(ID, Severity.ERROR, subject, "Properties.AccessLogSetting",
                    "access logging is off (it needs a DestinationArn and a Format)."));
        }
        boolean allMethodsLogged = false;
        JsonNode settings = properties.path("MethodSettings");
        for (int i = 0; i < settings.size(); i++) {
            JsonNode setting = settings.get(i);
            String level = setting.path("LoggingLevel").asText("");
            boolean wildcard = "*".equals(setting.path("HttpMethod").asText()) && "/*".equals(setting.path("ResourcePath").asText());
            if (wildcard && (level.equals("ERROR") || level.equals("INFO"))) {
                allMethodsLogged = true;
            }
            if (level.equals("OFF")) {
                findings.add(new Finding(ID, Severity.ERROR, subject, "Properties.MethodSettings[" + i + "].LoggingLevel",
                        "execution logging is turned off for " + setting.path("HttpMethod").asText() + " "
                                + setting.path("ResourcePath").asText() + "."));
            }
            if (isTrue(setting.get("DataTraceEnabled"))) {
                findings.add(new Finding(ID, Severity.ERROR, subject, "Properties.MethodSettings[" + i + "].DataTraceEnabled",
                        "data trace logs full requests and responses, which may carry credentials and tokens. Turn it off."));
            }
        }
        if (!allMethodsLogged) {
            findings.add(new Finding(ID, Severity.ERROR, subject, "Properties.MethodSettings",
                    "execution logging is not on for all methods (HttpMethod \"*\", ResourcePath \"/*\", LoggingLevel ERROR "
                            + "or INFO)."));
        }
    }

    private static boolean isTrue(JsonNode value) {
        return value != null && (value.isBoolean() && value.booleanValue() || value.isTextual() && value.asText().equalsIgnoreCase("true"));
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node.properties();
    }
}
