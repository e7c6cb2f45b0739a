package dev.gatehouse.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.Defaults;
import dev.gatehouse.api.BodyFormat;
import dev.gatehouse.api.DocumentLocation;
import dev.gatehouse.api.HttpMethod;
import dev.gatehouse.api.Route;
import dev.gatehouse.api.Throttle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import software.amazon.awscdk.AspectOptions;
import software.amazon.awscdk.AspectPriority;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.IResolveContext;
import software.amazon.awscdk.IStableAnyProducer;
import software.amazon.awscdk.IStringProducer;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.CfnDeployment;
import software.amazon.awscdk.services.apigateway.CfnRestApi;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * Renders an API's OpenAPI document (routes, CORS preflights, security schemes, API-wide
 * extensions) and, once, at synthesis, everything the template needs from it: the {@code Body} as
 * an object or as JSON text, or the document in S3 ({@link DocumentInS3}) when it is too large for
 * the template ({@link DocumentPlacement}), the resource policy, the stage's method settings and the
 * hash that redeploys the API when any of it changes (the same wherever the document is).
 *
 * <p>Where the document goes is decided when the CDK first visits the API with its aspects, at the
 * start of synthesis: the routes are all known then, and the S3 form's resources can still be
 * added (and are visited by the app's aspects, tags and checks like any other).
 */
public final class DocumentRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What synthesis needs, rendered once.
     *
     * @param text whether the Body is JSON text (an override) rather than an object (the property)
     * @param textSafe whether every deploy-time value of the JSON text is one Fn::Sub fills in safely
     * @param cacheInvalidationOverrides the cached methods whose invalidation settings differ from the
     *     stage's ({@link StageMethodSettings#invalidationOverrides})
     */
    public record Rendered(ObjectNode document, boolean text, Object templateBody, boolean textSafe, String hash,
            List<Map<String, Object>> methodSettings, List<Map<String, Object>> cacheInvalidationOverrides,
            ResourcePolicyRenderer.Rendering policy) {
    }

    /**
     * The document as synthesis reads it, fixed once: its tree, the values that turn its tokens
     * into references, and its JSON-text rendering (whose digest the redeploy hash uses).
     */
    private record Frozen(ObjectNode document, TemplateValues values, BodyText.Rendering text) {
    }

    /**
     * Where the document went.
     *
     * @param decision the placement's decision
     * @param documentBytes the document's size as written to S3 with placeholders (0 when inline)
     * @param dynamicReference whether the document holds a dynamic reference ({{resolve:...}})
     */
    public record Placement(DocumentPlacement.Decision decision, DocumentLocation asked, long documentBytes,
            boolean dynamicReference) {
        public boolean inS3() {
            return decision.inS3();
        }
    }

    private final Construct api;
    private final RouteTable routes;
    private final CorsSettings cors;
    private final ResourcePolicyRenderer policy;
    private final OpenApiDocument.Info info;
    private final String apiKeySource;
    private final List<String> binaryMediaTypes;
    private final BodyFormat bodyFormat;
    private final StageResources stage;
    private final BooleanSupplier executeApiEndpointDisabled;
    private final DocumentLocation location;
    /** Set when synthesis first reads the document; routes can no longer change after that. */
    private Frozen frozen;
    private Placement placement;
    private Rendered rendered;

    /**
     * @param cors the API's CORS settings, or null
     * @param apiKeySource the {@code x-amazon-apigateway-api-key-source} value, or null for none
     * @param binaryMediaTypes the {@code x-amazon-apigateway-binary-media-types}, empty for none
     * @param bodyFormat the format asked for, or null for {@link Defaults#BODY_FORMAT}
     * @param location where the document is asked to go, or null for {@link Defaults#DOCUMENT_LOCATION}
     * @param executeApiEndpointDisabled whether clients reach the API only through custom domains
     * @throws IllegalArgumentException for JSON text asked for a document asked to be in S3
     */
    public DocumentRenderer(Construct api, RouteTable routes, CorsSettings cors, ResourcePolicyRenderer policy,
            OpenApiDocument.Info info, String apiKeySource, List<String> binaryMediaTypes, BodyFormat bodyFormat,
            DocumentLocation location, StageResources stage, BooleanSupplier executeApiEndpointDisabled) {
        if (bodyFormat == BodyFormat.JSON_TEXT && location == DocumentLocation.S3) {
            throw new IllegalArgumentException("GatewayApi '" + api.getNode().getPath() + "': bodyFormat JSON_TEXT "
                    + "is how a document is written into the template, and documentLocation S3 keeps it out of the "
                    + "template. Leave bodyFormat unset with documentLocation S3.");
        }
        this.api = api;
        this.routes = routes;
        this.cors = cors;
        this.policy = policy;
        this.info = info;
        this.apiKeySource = apiKeySource;
        this.binaryMediaTypes = binaryMediaTypes;
        this.bodyFormat = bodyFormat;
        this.stage = stage;
        this.executeApiEndpointDisabled = executeApiEndpointDisabled;
        this.location = location != null ? location : Defaults.DOCUMENT_LOCATION;
    }

    /**
     * Writes the document into {@code restApi}'s {@code Body}, or puts it in S3 and names it in
     * {@code BodyS3Location} (decided at the start of synthesis), and the resource policy, if the
     * API has one.
     */
    public void writeInto(CfnRestApi restApi) {
        Aspects.of(api).add(new IAspect() {
            @Override
            public void visit(IConstruct node) {
                if (node == api) {
                    place(restApi);
                }
            }
        }, AspectOptions.builder().priority(AspectPriority.MUTATING).build());
        // The object form: a property, since overrides are merged in a way that drops empty
        // objects ({}) from the document.
        restApi.setBody(Lazy.any(new IStableAnyProducer() {
            @Override
            public Object produce() {
                return rendered().text() ? null : rendered().templateBody();
            }
        }));
        // The JSON-text form: an override. The CDK copies properties, not overrides, into
        // tree.json too, and (with its template validation on) hashes every file it writes before
        // and after validating; for 1,000 routes that second copy of the document cost about a
        // tenth of the synthesis. The template is the same. ({} merges as nothing into an object
        // Body.)
        restApi.addPropertyOverride("Body", Lazy.any(new IStableAnyProducer() {
            @Override
            public Object produce() {
                return rendered().text() && rendered().templateBody() != null ? rendered().templateBody() : Map.of();
            }
        }));
        if (policy.hasPolicy()) {
            restApi.setPolicy(Lazy.any(new IStableAnyProducer() {
                @Override
                public Object produce() {
                    return rendered().policy().policy();
                }
            }));
        }
    }

    /**
     * Gives {@code deployment} a logical id that changes with the hash, so that any change redeploys.
     * The id stays within CloudFormation's 255 characters: an original id too long for the hash
     * (the CDK's own go up to 255) loses characters before its last 8, the CDK's hash of its path.
     */
    public void redeployOnChange(CfnDeployment deployment) {
        String originalId = Stack.of(api).getLogicalId(deployment);
        String kept = originalId.length() + 16 <= StackLimits.MAX_NAME ? originalId
                : originalId.substring(0, StackLimits.MAX_NAME - 16 - 8) + originalId.substring(originalId.length() - 8);
        deployment.overrideLogicalId(Lazy.uncachedString(new IStringProducer() {
            @Override
            public String produce(IResolveContext context) {
                return kept + rendered().hash().substring(0, 16);
            }
        }));
    }

    /** True once synthesis has read the document. */
    public boolean isRendered() {
        return frozen != null;
    }

    /**
     * Decides where the document goes, once; in S3, adds {@link DocumentInS3} and names its object
     * in {@code restApi}'s {@code BodyS3Location}.
     */
    private void place(CfnRestApi restApi) {
        if (placement != null) {
            return;
        }
        Frozen document = frozen();
        boolean text = format() == BodyFormat.JSON_TEXT;
        String json = document.document().toString(); // Jackson's compact JSON
        DocumentPlacement.Decision decision = DocumentPlacement.decide(Stack.of(api), location,
                json.getBytes(StandardCharsets.UTF_8).length,
                () -> text ? document.text().join() : document.values().forTemplate(document.document()));
        if (!decision.inS3()) {
            placement = new Placement(decision, location, 0, false);
            return;
        }
        Map<String, Object> values = new TreeMap<>();
        String withPlaceholders = document.values().subJson(json, values, values).text();
        placement = new Placement(decision, location, withPlaceholders.getBytes(StandardCharsets.UTF_8).length,
                json.contains("{{resolve:"));
        DocumentInS3 inS3 = new DocumentInS3(api, "Document", withPlaceholders, values);
        restApi.setBodyS3Location(inS3.location());
    }

    /** Where the document went; inline when synthesis read it without deciding (no aspects ran). */
    public Placement placement() {
        if (placement == null) {
            Frozen document = frozen();
            boolean text = format() == BodyFormat.JSON_TEXT;
            placement = new Placement(new DocumentPlacement.Decision(false,
                    text ? document.text().join() : document.values().forTemplate(document.document()), 0, 0),
                    location, 0, false);
        }
        return placement;
    }

    private BodyFormat format() {
        return bodyFormat != null ? bodyFormat : Defaults.BODY_FORMAT;
    }

    private Frozen frozen() {
        if (frozen == null) {
            ObjectNode document = OpenApiDocument.forDeployment(render(false));
            TemplateValues values = new TemplateValues(Stack.of(api));
            frozen = new Frozen(document, values, BodyText.render(document, values));
        }
        return frozen;
    }

    /** The document as declared so far, sharing nothing with the declared routes. */
    public ObjectNode document() {
        return render(true);
    }

    /**
     * The document as the template has it, with CloudFormation intrinsics for deploy-time values,
     * plus the extensions only readers get ({@link OpenApiDocument#forDeployment}).
     */
    public JsonNode resolvedDocument() {
        return JSON.valueToTree(new TemplateValues(Stack.of(api)).fullyResolved(render(false)));
    }

    /** Renders everything synthesis needs, once. */
    public Rendered rendered() {
        if (rendered == null) {
            Frozen document = frozen();
            BodyText.Rendering text = document.text();
            ResourcePolicyRenderer.Rendering policyRendering = routes.valid() && policy.hasPolicy()
                    ? policy.render(iamByRoute(), stage.stageName()) : ResourcePolicyRenderer.Rendering.NONE;
            List<StageMethodSettings.RouteOverride> overrides = methodOverrides();
            rendered = new Rendered(document.document(), format() == BodyFormat.JSON_TEXT,
                    placement().decision().inlineBody(), text.jsonSafe(), hash(text, policyRendering.policy()),
                    StageMethodSettings.render(stage.stageWide(), overrides),
                    StageMethodSettings.invalidationOverrides(stage.stageWide(), overrides), policyRendering);
        }
        return rendered;
    }

    /** A hash of everything that needs a redeployment when it changes: the document and the policy. */
    private String hash(BodyText.Rendering text, Map<String, Object> policyDocument) {
        try {
            List<Object> redeployInputs = new ArrayList<>();
            // The document's text names deploy-time values by logical id (${Fn.Arn}); values from
            // elsewhere are Fn::Sub variables, resolved here because their tokens differ per run.
            redeployInputs.add(HexFormat.of().formatHex(text.textDigest()));
            if (!text.tokenVariables().isEmpty()) {
                redeployInputs.add(Stack.of(api).resolve(text.tokenVariables()));
            }
            if (policyDocument != null) {
                redeployInputs.add(Stack.of(api).resolve(policyDocument));
            }
            redeployInputs.add(Map.of("disableExecuteApiEndpoint", executeApiEndpointDisabled.getAsBoolean()));
            return Hashing.sha256Hex(JSON.writeValueAsBytes(redeployInputs));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("GatewayApi '" + api.getNode().getPath()
                    + "': the resolved OpenAPI document could not be serialized for hashing", e);
        }
    }

    /**
     * The method settings of route methods with their own throttle or caching (an ANY route: one
     * per method it serves), besides the stage-wide entry.
     */
    private List<StageMethodSettings.RouteOverride> methodOverrides() {
        Map<String, Set<HttpMethod>> explicitByPath = new HashMap<>();
        for (RouteTable.DeclaredRoute declared : routes.declared()) {
            if (declared.operation() != null && declared.route().getMethod() != HttpMethod.ANY) {
                explicitByPath.computeIfAbsent(declared.route().getPath(), k -> EnumSet.noneOf(HttpMethod.class))
                        .add(declared.route().getMethod());
            }
        }
        List<StageMethodSettings.RouteOverride> overrides = new ArrayList<>();
        for (RouteTable.DeclaredRoute declared : routes.declared()) {
            Route route = declared.route();
            Throttle throttle = route.getOptions().getThrottle();
            RouteCaching.RouteCache cache = declared.cache();
            if (declared.operation() == null || throttle == null && !cache.ownSettings()) {
                continue;
            }
            List<HttpMethod> methods = route.getMethod() != HttpMethod.ANY ? List.of(route.getMethod())
                    : StageMethodSettings.servedByAny(explicitByPath.getOrDefault(route.getPath(), Set.of()), cors != null);
            for (HttpMethod method : methods) {
                // an ANY route's caching applies to its GET requests only
                StageCaching.Behaviour behaviour = cache.behaviour() == null || route.getMethod() != HttpMethod.ANY
                        || method == HttpMethod.GET ? cache.behaviour() : cache.behaviour().off();
                overrides.add(new StageMethodSettings.RouteOverride(declared.path(), method.name(),
                        throttle == null ? null : throttle.getRateLimit(), throttle == null ? null : throttle.getBurstLimit(),
                        behaviour));
            }
        }
        return overrides;
    }

    /**
     * @param copy whether the document must not share nodes with the declared routes (when it is
     *     handed to a caller who may change it); synthesis only reads it
     */
    private ObjectNode render(boolean copy) {
        List<RouteTable.DeclaredRoute> declaredRoutes = routes.declared();
        List<OpenApiDocument.PathOperation> operations = new ArrayList<>(declaredRoutes.size());
        for (RouteTable.DeclaredRoute declared : declaredRoutes) {
            if (declared.operation() != null) {
                HttpMethod method = declared.route().getMethod();
                operations.add(new OpenApiDocument.PathOperation(declared.route().getPath(), method.openApiKey(),
                        method.ordinal(), copy ? declared.operation().deepCopy() : declared.operation()));
            }
        }
        if (cors != null) {
            preflightPaths().forEach((path, methods) -> operations.add(new OpenApiDocument.PathOperation(path.path(),
                    HttpMethod.OPTIONS.openApiKey(), HttpMethod.OPTIONS.ordinal(),
                    CorsRendering.preflight(cors.rendering(), path, methods))));
        }
        Map<String, ObjectNode> schemes = new TreeMap<>();
        routes.schemes().all().forEach((name, scheme) -> schemes.put(name, copy ? scheme.deepCopy() : scheme));
        ObjectNode extensions = JSON.createObjectNode();
        OpenApiDocument.requestValidation(extensions);
        routes.requests().addValidators((ObjectNode) extensions.get("x-amazon-apigateway-request-validators"));
        if (cors != null) {
            extensions.set("x-amazon-apigateway-gateway-responses", CorsRendering.gatewayResponses(cors.rendering()));
        }
        if (apiKeySource != null) {
            extensions.put("x-amazon-apigateway-api-key-source", apiKeySource);
        }
        if (!binaryMediaTypes.isEmpty()) {
            binaryMediaTypes.forEach(extensions.putArray("x-amazon-apigateway-binary-media-types")::add);
        }
        ObjectNode document = OpenApiDocument.render(info, operations, schemes, extensions);
        ObjectNode models = routes.requests().schemas();
        if (models != null) {
            document.withObjectProperty("components").set("schemas", models);
        }
        return document;
    }

    /** Paths that get a CORS preflight operation, with the methods to announce. */
    private Map<RoutePath, List<String>> preflightPaths() {
        Map<String, RoutePath> paths = new TreeMap<>();
        Map<String, SortedSet<HttpMethod>> methods = new TreeMap<>();
        for (RouteTable.DeclaredRoute declared : routes.declared()) {
            if (declared.operation() != null) {
                Route route = declared.route();
                paths.putIfAbsent(route.getPath(), declared.path());
                methods.computeIfAbsent(route.getPath(), k -> new TreeSet<>()).add(route.getMethod());
            }
        }
        Map<RoutePath, List<String>> result = new LinkedHashMap<>();
        methods.forEach((path, declared) -> {
            if (declared.contains(HttpMethod.OPTIONS)) {
                return; // the user answers preflights on this path
            }
            result.put(paths.get(path), cors.announcedMethods(declared, declared.contains(HttpMethod.ANY)));
        });
        return result;
    }

    /** Every route of the document, preflights included, and whether it is an IAM route. */
    private Map<String, Boolean> iamByRoute() {
        Map<String, Boolean> iamByRoute = new LinkedHashMap<>();
        for (RouteTable.DeclaredRoute declared : routes.declared()) {
            if (declared.operation() != null) {
                iamByRoute.putIfAbsent(declared.route().toString(), declared.iam());
            }
        }
        if (cors != null) {
            preflightPaths().keySet().forEach(path -> iamByRoute.putIfAbsent("OPTIONS " + path.path(), false));
        }
        return iamByRoute;
    }
}
