package dev.gatehouse.local.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.checks.CloudAssembly;
import dev.gatehouse.checks.RestApiBody;
import dev.gatehouse.checks.RestApiDocuments;
import dev.gatehouse.local.internal.assembly.LocalValues;
import dev.gatehouse.local.internal.assembly.StackTemplate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A REST API and its stage as the template describes them: the OpenAPI document (the RestApi's
 * {@code Body} in any form synthesis writes, its {@code BodyS3Location} asset, or the document
 * Gatehouse's {@code Custom::GatehouseOpenApiDocument} publishes there from its asset and values)
 * with every deploy-time value resolved locally, and the stage's properties.
 */
public final class ApiDefinition {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final String ANY_METHOD = "x-amazon-apigateway-any-method";

    private final String logicalId;
    private final String apiId;
    private final JsonNode document;
    private final JsonNode restApiProperties;
    private final String stageLogicalId;
    private final JsonNode stageProperties;
    private final List<Operation> operations;

    private ApiDefinition(String logicalId, String apiId, JsonNode document, JsonNode restApiProperties,
            String stageLogicalId, JsonNode stageProperties) {
        this.logicalId = logicalId;
        this.apiId = apiId;
        this.document = document;
        this.restApiProperties = restApiProperties;
        this.stageLogicalId = stageLogicalId;
        this.stageProperties = stageProperties;
        this.operations = readOperations(document);
    }

    /**
     * Reads the REST API of the stack (the one named, or the only one) and its stage (the one
     * named, or the first).
     *
     * @throws IllegalArgumentException saying what is missing and how to choose
     */
    public static ApiDefinition load(StackTemplate stack, LocalValues values, String apiLogicalId, String stageName) {
        List<String> apis = stack.resourcesOfType("AWS::ApiGateway::RestApi");
        String api;
        if (apiLogicalId != null) {
            if (!apis.contains(apiLogicalId)) {
                throw new IllegalArgumentException("stack " + stack.stackName() + " has no REST API " + apiLogicalId
                        + "; its REST APIs: " + apis);
            }
            api = apiLogicalId;
        } else if (apis.size() == 1) {
            api = apis.get(0);
        } else {
            throw new IllegalArgumentException("stack " + stack.stackName() + " has " + (apis.isEmpty() ? "no REST API"
                    : apis.size() + " REST APIs " + apis + ": name one with --api"));
        }
        JsonNode properties = stack.resource(api).path("Properties");
        JsonNode document = values.resolve(body(stack, api, properties));
        String stage = null;
        for (String candidate : stack.resourcesOfType("AWS::ApiGateway::Stage")) {
            JsonNode stageProperties = stack.resource(candidate).path("Properties");
            boolean ofApi = api.equals(stageProperties.path("RestApiId").path("Ref").asText());
            if (ofApi && (stageName == null || stageName.equals(values.text(stageProperties.get("StageName"))))) {
                stage = candidate;
                break;
            }
        }
        if (stage == null) {
            throw new IllegalArgumentException("REST API " + api + " has no stage" + (stageName == null ? ""
                    : " named " + stageName) + " (AWS::ApiGateway::Stage) in stack " + stack.stackName());
        }
        return new ApiDefinition(api, values.restApiId(api), document, values.resolve(properties), stage,
                values.resolve(stack.resource(stage).path("Properties")));
    }

    private static JsonNode body(StackTemplate stack, String api, JsonNode properties) {
        JsonNode body = properties.get("Body");
        if (body != null) {
            Optional<JsonNode> document = RestApiBody.document(body);
            if (document.isPresent()) {
                return document.get();
            }
            throw new IllegalArgumentException("the Body of REST API " + api + " is neither an OpenAPI object nor"
                    + " JSON text joined from strings and Fn::Subs; the local gateway cannot read it");
        }
        if (properties.has("BodyS3Location")) {
            // a document file asset, or the one Gatehouse's Custom::GatehouseOpenApiDocument publishes
            // from its asset and values: read from the cloud assembly as the deploy checks read it
            RestApiDocuments.Read read = RestApiDocuments.of(stack.template(),
                    CloudAssembly.read(stack.assets().directory()));
            for (RestApiDocuments.Document document : read.documents()) {
                if (document.resource().equals(api)) {
                    return document.document();
                }
            }
            String why = read.unreadable().stream().filter(u -> u.subject().startsWith(api + " "))
                    .map(RestApiDocuments.Unreadable::problem).findFirst().orElse("it names no document");
            throw new IllegalArgumentException("the BodyS3Location of REST API " + api + " cannot be read locally: " + why
                    + " The local gateway reads only what synthesis wrote.");
        }
        throw new IllegalArgumentException("REST API " + api + " has no Body: the local gateway serves APIs defined by"
                + " an OpenAPI document (as GatewayApi writes them), not by AWS::ApiGateway::Resource/Method resources");
    }

    private static List<Operation> readOperations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode pathParameters = path.getValue().path("parameters");
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                String name = method.getKey().toLowerCase(Locale.ROOT);
                if (METHODS.contains(name)) {
                    operations.add(new Operation(name.toUpperCase(Locale.ROOT), path.getKey(), method.getValue(), pathParameters));
                } else if (name.equals(ANY_METHOD)) {
                    operations.add(new Operation("ANY", path.getKey(), method.getValue(), pathParameters));
                }
            }
        }
        return operations;
    }

    public String logicalId() {
        return logicalId;
    }

    /** The local REST API id (what {@code Ref} of the RestApi gives). */
    public String apiId() {
        return apiId;
    }

    public String name() {
        String name = restApiProperties.path("Name").asText("");
        return name.isEmpty() ? document.path("info").path("title").asText(logicalId) : name;
    }

    public JsonNode document() {
        return document;
    }

    public List<Operation> operations() {
        return operations;
    }

    public String stageLogicalId() {
        return stageLogicalId;
    }

    public String stageName() {
        return stageProperties.path("StageName").asText();
    }

    /** The stage's properties, resolved (MethodSettings, AccessLogSetting, Variables, ...). */
    public JsonNode stage() {
        return stageProperties;
    }

    /**
     * A method setting's ResourcePath as a resource path: "/" then the path with "/" written "~1"
     * ("/~1orders~1{id}" is "/orders/{id}"); the root resource is "/" as it is (CloudFormation:
     * "To specify the root path, use only a slash"); the stage-wide "/*" is "*".
     */
    public static String methodSettingPath(String setting) {
        if (setting.equals("/")) {
            return "/";
        }
        String encoded = setting.startsWith("/") ? setting.substring(1) : setting;
        return encoded.replace("~1", "/").replace("~0", "~");
    }

    /** The stage variables. */
    public JsonNode stageVariables() {
        JsonNode variables = stageProperties.get("Variables");
        return variables == null ? JsonNodeFactory.instance.objectNode() : variables;
    }

    /** Binary media types: the RestApi property wins over the document's extension. */
    public List<String> binaryMediaTypes() {
        JsonNode types = restApiProperties.get("BinaryMediaTypes");
        if (types == null) {
            types = document.path("x-amazon-apigateway-binary-media-types");
        }
        List<String> out = new ArrayList<>();
        types.forEach(t -> out.add(t.asText().replace("~1", "/")));
        return out;
    }

    /** HEADER (x-api-key) or AUTHORIZER (the authorizer's usageIdentifierKey). */
    public String apiKeySource() {
        String source = restApiProperties.path("ApiKeySourceType").asText("");
        if (source.isEmpty()) {
            source = document.path("x-amazon-apigateway-api-key-source").asText("HEADER");
        }
        return source.toUpperCase(Locale.ROOT);
    }

    /** {@code components.securitySchemes}. */
    public JsonNode securitySchemes() {
        return document.path("components").path("securitySchemes");
    }

    /** {@code x-amazon-apigateway-gateway-responses}. */
    public JsonNode gatewayResponses() {
        return document.path("x-amazon-apigateway-gateway-responses");
    }

    /** The document's default security requirements (top-level {@code security}). */
    public List<List<String>> defaultSecurity() {
        ObjectNode holder = JsonNodeFactory.instance.objectNode();
        JsonNode security = document.get("security");
        if (security == null) {
            return List.of();
        }
        holder.set("security", security);
        return new Operation("GET", "/", holder, JsonNodeFactory.instance.arrayNode()).security();
    }
}
