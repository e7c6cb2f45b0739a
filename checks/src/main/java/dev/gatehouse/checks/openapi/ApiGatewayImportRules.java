package dev.gatehouse.checks.openapi;

import static dev.gatehouse.checks.openapi.RuleFindings.iterable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.checks.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API Gateway's own rules for importing an OpenAPI 3.0 document as a REST API, beyond OpenAPI
 * validity: the {@code x-amazon-apigateway-*} extensions (known names, their fields, required
 * fields, allowed values), integrations ({@link IntegrationRules}), authorizers and security
 * requirements ({@link SecurityRules}), document-level extensions ({@link DocumentExtensionRules}),
 * paths, and the OpenAPI/JSON Schema features API Gateway does not support ({@link SchemaRules}).
 * A Swagger 2.0 document is checked in its OpenAPI 3.0 form ({@link SwaggerConversion}).
 *
 * <p>The document must already be rendered ({@link DeployTimeValues}): deploy-time values are
 * strings with placeholders, which satisfy any rule they could satisfy.
 */
final class ApiGatewayImportRules {
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    static final String ANY_METHOD = "x-amazon-apigateway-any-method";
    static final String INTEGRATION = "x-amazon-apigateway-integration";

    private static final Set<String> OPERATION_EXTENSIONS = Set.of(INTEGRATION,
            "x-amazon-apigateway-request-validator", "x-amazon-apigateway-auth");
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._,:-]+|\\{[A-Za-z0-9._-]+\\+?}");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([A-Za-z0-9._-]+)(\\+?)}");

    private final RuleFindings out;
    private final IntegrationRules integrations;
    private final SecurityRules security;
    private final SchemaRules schemas;
    private final DocumentExtensionRules documentExtensions;

    ApiGatewayImportRules(String check, String subject, List<Finding> findings) {
        this.out = new RuleFindings(check, subject, findings);
        this.integrations = new IntegrationRules(out);
        this.security = new SecurityRules(out, integrations);
        this.schemas = new SchemaRules(out);
        this.documentExtensions = new DocumentExtensionRules(out, integrations);
    }

    /** Applies every rule to the rendered {@code document}; returns the number of operations seen. */
    int apply(JsonNode document) {
        JsonNode version = document.get("openapi");
        if (version == null || !isOpenApi30(version.asText())) {
            out.error("openapi", "the document is OpenAPI " + (version == null ? "(no 'openapi' field)" : version.asText())
                    + "; API Gateway imports OpenAPI 3.0 and Swagger 2.0, not 3.1.");
        }
        if (document.has("security")) {
            out.warning("security", "API Gateway ignores document-level security, so operations without their own "
                    + "'security' would be public. Fix: declare security on each operation.");
        }
        documentExtensions.apply(document);
        security.securitySchemes(document);
        schemas.schemas(document);

        int operations = 0;
        for (Map.Entry<String, JsonNode> path : iterable(document.path("paths"))) {
            String at = "paths." + path.getKey();
            List<String> variables = pathTemplate(path.getKey(), at);
            JsonNode item = path.getValue();
            for (Map.Entry<String, JsonNode> entry : iterable(item)) {
                String key = entry.getKey();
                if (METHODS.contains(key) || key.equals(ANY_METHOD)) {
                    operations++;
                    operation(document, path.getKey(), variables, item, entry.getValue(), at + "." + key);
                } else if (key.equals("trace")) {
                    out.error(at + ".trace", "API Gateway REST APIs have no TRACE method.");
                } else {
                    out.unknownExtension(key, Set.of(), at);
                }
            }
        }
        return operations;
    }

    /** "3.0", as SAM writes it, and every 3.0.x: API Gateway imports them all. */
    static boolean isOpenApi30(String version) {
        return version.equals("3.0") || version.startsWith("3.0.");
    }

    /** Checks the path template; returns its variable names. */
    private List<String> pathTemplate(String path, String at) {
        List<String> variables = new ArrayList<>();
        if (!path.startsWith("/")) {
            out.error(at, "a path starts with '/'.");
            return variables;
        }
        if (path.equals("/")) {
            return variables;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                out.error(at, "the path has an empty segment ('//' or a trailing '/').");
                continue;
            }
            if (!PATH_SEGMENT.matcher(segment).matches()) {
                out.error(at, "the segment '" + segment + "' has characters API Gateway does not allow in paths (letters, "
                        + "digits, ._,:- only), or a variable that is not a whole segment.");
                continue;
            }
            Matcher m = PATH_VARIABLE.matcher(segment);
            if (m.matches()) {
                if (variables.contains(m.group(1))) {
                    out.error(at, "the variable {" + m.group(1) + "} appears twice.");
                }
                variables.add(m.group(1));
                if (!m.group(2).isEmpty() && i != segments.length - 1) {
                    out.error(at, "the greedy variable {" + m.group(1) + "+} must be the last segment.");
                }
            }
        }
        return variables;
    }

    private void operation(JsonNode document, String path, List<String> variables, JsonNode item, JsonNode operation,
            String at) {
        operation.fieldNames().forEachRemaining(f -> out.unknownExtension(f, OPERATION_EXTENSIONS, at));
        security.requirements(document, operation.get("security"), at + ".security");
        documentExtensions.validatorName(document, operation.get("x-amazon-apigateway-request-validator"),
                at + ".x-amazon-apigateway-request-validator");
        if (operation.path("deprecated").asBoolean(false)) {
            out.warning(at + ".deprecated", "API Gateway ignores deprecated (and drops it from exports).");
        }
        Set<String> declared = parameters(path, variables, item, operation, at);
        for (Map.Entry<String, JsonNode> c : iterable(operation.path("requestBody").path("content"))) {
            schemas.schema(c.getValue().path("schema"), at + ".requestBody.content." + c.getKey() + ".schema");
        }
        for (Map.Entry<String, JsonNode> r : iterable(operation.path("responses"))) {
            for (Map.Entry<String, JsonNode> c : iterable(r.getValue().path("content"))) {
                schemas.responseSchema(c.getValue().path("schema"),
                        at + ".responses." + r.getKey() + ".content." + c.getKey() + ".schema");
            }
        }
        JsonNode integration = operation.get(INTEGRATION);
        if (integration == null) {
            out.error(at, "the operation has no x-amazon-apigateway-integration: the import creates the method without "
                    + "one, and deploying the API fails (\"No integration defined for method\").");
            return;
        }
        integrations.integration(integration, at + "." + INTEGRATION, declared, operation.path("responses"));
    }

    /** The operation's parameters (path item's and its own) as {@code in.name}. */
    private Set<String> parameters(String path, List<String> variables, JsonNode item, JsonNode operation, String at) {
        Set<String> declared = new HashSet<>();
        List<JsonNode> parameters = new ArrayList<>();
        item.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            String in = parameter.path("in").asText();
            String name = parameter.path("name").asText();
            declared.add(in + "." + name);
            if (in.equals("path") && !variables.contains(name)) {
                out.error(at + ".parameters", "the path parameter '" + name + "' is not a variable of " + path + ".");
            }
            if (in.equals("cookie")) {
                out.warning(at + ".parameters", "API Gateway REST APIs ignore cookie parameters ('" + name + "').");
            }
            if (parameter.has("schema")) {
                schemas.schema(parameter.get("schema"), at + ".parameters." + name + ".schema");
            }
        }
        return declared;
    }
}
