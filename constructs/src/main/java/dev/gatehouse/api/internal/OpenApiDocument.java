package dev.gatehouse.api.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.Defaults;
import dev.gatehouse.api.AuthorizationConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Renders the API's OpenAPI 3.0 document: paths sorted by path and methods in a fixed order, so
 * the document (and the deployment hash derived from it) does not depend on declaration order.
 */
public final class OpenApiDocument {
    public static final String OPENAPI_VERSION = "3.0.1";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenApiDocument() {
    }

    /** One operation of the document: its path, method key and sort order within the path. */
    public record PathOperation(String path, String methodKey, int methodOrder, ObjectNode operation) {
    }

    /** The {@code info} object. */
    public record Info(String title, String version, String description) {
    }

    /**
     * @param extensions top-level {@code x-amazon-apigateway-*} entries, added after the paths
     */
    public static ObjectNode render(Info info, List<PathOperation> operations, Map<String, ObjectNode> securitySchemes,
            ObjectNode extensions) {
        ObjectNode document = JSON.objectNode();
        document.put("openapi", OPENAPI_VERSION);
        ObjectNode infoNode = document.putObject("info");
        infoNode.put("title", info.title());
        if (info.description() != null) {
            infoNode.put("description", info.description());
        }
        infoNode.put("version", info.version());
        ObjectNode paths = document.putObject("paths");
        operations.stream()
                .sorted(Comparator.comparing(PathOperation::path).thenComparingInt(PathOperation::methodOrder))
                .forEach(op -> {
                    ObjectNode item = paths.has(op.path()) ? (ObjectNode) paths.get(op.path()) : paths.putObject(op.path());
                    item.set(op.methodKey(), op.operation());
                });
        document.setAll(extensions);
        if (!securitySchemes.isEmpty()) {
            ObjectNode schemes = document.putObject("components").putObject("securitySchemes");
            securitySchemes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> schemes.set(e.getKey(), e.getValue()));
        }
        return document;
    }

    /**
     * Adds the API's request validator and makes it the default of every operation: API Gateway
     * then rejects (400) requests that lack a required parameter, or whose body does not match the
     * model the operation declares for its content type. Without a declared model a body passes.
     */
    public static void requestValidation(ObjectNode extensions) {
        ObjectNode validator = extensions.putObject("x-amazon-apigateway-request-validators")
                .putObject(Defaults.REQUEST_VALIDATOR);
        validator.put("validateRequestBody", true);
        validator.put("validateRequestParameters", true);
        extensions.put("x-amazon-apigateway-request-validator", Defaults.REQUEST_VALIDATOR);
    }

    /**
     * Shows on {@code operation} the scopes each scheme's Lambda authorizer requires, in
     * {@value AuthorizationConfig#SCOPES_EXTENSION}: the security requirement of an apiKey scheme
     * must list none (OpenAPI), so a reader of the exported document would otherwise see
     * {@code "Jwt": []} on every route. Nothing is added when no authorizer checks scopes.
     */
    public static void authorizerScopes(ObjectNode operation, Map<String, List<String>> scopesByScheme) {
        if (scopesByScheme.isEmpty()) {
            return;
        }
        ObjectNode extension = operation.putObject(AuthorizationConfig.SCOPES_EXTENSION);
        scopesByScheme.forEach((scheme, scopes) -> scopes.forEach(extension.putArray(scheme)::add));
    }

    /**
     * {@code document} as it is deployed: without {@value AuthorizationConfig#SCOPES_EXTENSION},
     * which is for readers of the exported document. The stack's RestApi imports with
     * {@code FailOnWarnings} on by default, and AWS does not document that the import ignores
     * extensions of its own kind without a warning; so the deployed Body holds only what API
     * Gateway is known to accept. {@code document} may share operations with the declared routes:
     * an operation with the extension is replaced by a copy without it; the rest is kept as it is.
     */
    public static ObjectNode forDeployment(ObjectNode document) {
        JsonNode paths = document.get("paths");
        if (paths == null || !paths.isObject()) {
            return document;
        }
        ObjectNode result = JSON.objectNode();
        ObjectNode deployedPaths = JSON.objectNode();
        // the same fields in the same order: the Body's text, and so its hash, stays as it was
        document.properties().forEach(field -> result.set(field.getKey(),
                field.getKey().equals("paths") ? deployedPaths : field.getValue()));
        paths.properties().forEach(path -> {
            ObjectNode item = deployedPaths.putObject(path.getKey());
            path.getValue().properties().forEach(entry -> item.set(entry.getKey(),
                    entry.getValue().has(AuthorizationConfig.SCOPES_EXTENSION)
                            ? ((ObjectNode) entry.getValue()).deepCopy().without(AuthorizationConfig.SCOPES_EXTENSION)
                            : entry.getValue()));
        });
        return result;
    }

    /**
     * One operation object: ids, path parameters, responses, security requirement and the
     * integration extension.
     *
     * @param security scheme name to scopes, all required together; empty for a public route
     *     (rendered as {@code "security": []})
     */
    public static ObjectNode operation(RoutePath path, String operationId, String summary,
            Map<String, List<String>> security, ObjectNode responses, ObjectNode integration) {
        ObjectNode operation = JSON.objectNode();
        if (operationId != null) {
            operation.put("operationId", operationId);
        }
        if (summary != null) {
            operation.put("summary", summary);
        }
        List<String> variables = path.variableNames();
        if (!variables.isEmpty()) {
            ArrayNode parameters = operation.putArray("parameters");
            for (String name : variables) {
                ObjectNode parameter = parameters.addObject();
                parameter.put("name", name);
                parameter.put("in", "path");
                parameter.put("required", true);
                parameter.putObject("schema").put("type", "string");
            }
        }
        operation.set("responses", responses);
        // An empty list is OpenAPI's explicit "no security": public routes say so rather than
        // leaving it out, so that a reader (or a check) can tell public from forgotten.
        ArrayNode requirements = operation.putArray("security");
        if (!security.isEmpty()) {
            ObjectNode requirement = requirements.addObject();
            security.forEach((scheme, scopes) -> {
                ArrayNode scopeList = requirement.putArray(scheme);
                scopes.forEach(scopeList::add);
            });
        }
        operation.set("x-amazon-apigateway-integration", integration);
        return operation;
    }
}
