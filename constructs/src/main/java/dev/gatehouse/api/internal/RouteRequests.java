package dev.gatehouse.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.Defaults;
import dev.gatehouse.api.HttpMethod;
import dev.gatehouse.api.RequestModel;
import dev.gatehouse.api.RequestValidation;
import dev.gatehouse.api.RequestValidationMode;
import dev.gatehouse.api.Route;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an API's operations say about requests, beyond the integration: each route's integration
 * mappings are checked ({@link IntegrationMappingCheck}), the parameters they read and the route
 * requires are declared, its body models are referenced from {@code components.schemas}
 * ({@link RequestModels}), its request validator is chosen, and its method responses completed
 * ({@link MethodDeclarations}). Renders the API-wide parts: the validators routes use beyond the
 * default one, and the models.
 */
public final class RouteRequests {
    private static final Set<HttpMethod> BODY_METHODS = EnumSet.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.ANY);

    private final Findings findings;
    private final RequestModels models = new RequestModels();
    private final Set<RequestValidationMode> validators = EnumSet.noneOf(RequestValidationMode.class);

    public RouteRequests(Findings findings) {
        this.findings = findings;
    }

    /** Completes and checks {@code operation}, the rendered operation of {@code route}. */
    public void apply(Route route, String subject, RequestValidation validation, ObjectNode operation) {
        JsonNode integration = operation.path("x-amazon-apigateway-integration");
        new IntegrationMappingCheck(subject, findings).check(integration, route.getPathVariables());
        RequestValidation v = validation != null ? validation : RequestValidation.builder().build();
        MethodDeclarations.declareParameters(operation, names(v.getRequiredQueryParameters(), "query string parameter",
                subject), names(v.getRequiredHeaders(), "header", subject));
        for (Map.Entry<String, RequestModel> model : v.getModels().entrySet()) {
            body(operation, model.getKey(), model.getValue(), subject);
        }
        RequestValidationMode mode = v.getValidator() != null ? v.getValidator() : Defaults.REQUEST_VALIDATION_MODE;
        if (mode != Defaults.REQUEST_VALIDATION_MODE) {
            operation.put("x-amazon-apigateway-request-validator", validatorName(mode));
            validators.add(mode);
        }
        coverage(route, subject, v, mode, integration);
        MethodDeclarations.completeResponses(operation);
    }

    /** The names that API Gateway accepts, each once; the others are reported (GH230). */
    private List<String> names(List<String> names, String what, String subject) {
        List<String> accepted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || !MappingExpressions.NAME_PATTERN.matcher(name).matches()) {
                findings.report(Rules.REQUEST_PARAMETERS, subject, "the required " + what + " '" + name
                        + "' has characters API Gateway does not accept in parameter names.",
                        "use a-z, A-Z, 0-9, '.', '_', '$' and '-', e.g. 'X-Tenant' or 'page'.");
            } else if (!seen.add(what.equals("header") ? name.toLowerCase(Locale.ROOT) : name)) {
                findings.report(Rules.REQUEST_PARAMETERS, subject, "the required " + what + " '" + name
                        + "' is listed twice" + (what.equals("header") ? " (header names ignore case)" : "") + ".",
                        "list it once.");
            } else {
                accepted.add(name);
            }
        }
        return accepted;
    }

    private void body(ObjectNode operation, String contentType, RequestModel model, String subject) {
        if (!MediaTypes.isMediaType(contentType)) {
            findings.report(Rules.MEDIA_TYPE, subject, "the request model '" + model.getName() + "' is declared for '"
                    + contentType + "', which is not a type/subtype media type.",
                    "declare it for a media type without parameters or wildcards, e.g. application/json.");
            return;
        }
        String ref = models.declare(model, subject, findings);
        if (ref == null) {
            return;
        }
        ObjectNode content = operation.has("requestBody") ? (ObjectNode) operation.get("requestBody").get("content")
                : operation.putObject("requestBody").putObject("content");
        content.putObject(contentType).putObject("schema").put("$ref", ref);
    }

    private void coverage(Route route, String subject, RequestValidation v, RequestValidationMode mode,
            JsonNode integration) {
        boolean body = mode == RequestValidationMode.BODY_AND_PARAMETERS || mode == RequestValidationMode.BODY_ONLY;
        boolean parameters = mode == RequestValidationMode.BODY_AND_PARAMETERS
                || mode == RequestValidationMode.PARAMETERS_ONLY;
        if (!v.getModels().isEmpty() && !body) {
            findings.report(Rules.VALIDATION_COVERAGE, subject, "it declares request models, but its validator ("
                    + mode + ") does not validate the body, so the models are not enforced.",
                    "use BODY_AND_PARAMETERS or BODY_ONLY, or remove the models.");
        }
        if (!(v.getRequiredQueryParameters().isEmpty() && v.getRequiredHeaders().isEmpty()) && !parameters) {
            findings.report(Rules.VALIDATION_COVERAGE, subject, "it requires query string parameters or headers, but "
                    + "its validator (" + mode + ") does not validate parameters, so they are not enforced.",
                    "use BODY_AND_PARAMETERS or PARAMETERS_ONLY, or do not list them as required.");
        }
        boolean acceptsBody = BODY_METHODS.contains(route.getMethod()) || !v.getModels().isEmpty();
        boolean backend = !"mock".equalsIgnoreCase(integration.path("type").asText());
        if (mode != RequestValidationMode.BODY_AND_PARAMETERS && acceptsBody && backend) {
            findings.report(Rules.WEAKENED_VALIDATION, subject, "it accepts a body and reaches a backend, but its "
                    + "validator is " + mode + "; the deploy checks' posture rule reports this route.",
                    "keep BODY_AND_PARAMETERS (the default) unless the backend validates what it receives itself.");
        }
    }

    /** The request validators routes use beyond the API's default one, added to the document's. */
    void addValidators(ObjectNode documentValidators) {
        for (RequestValidationMode mode : validators) {
            ObjectNode validator = documentValidators.putObject(validatorName(mode));
            validator.put("validateRequestBody",
                    mode == RequestValidationMode.BODY_AND_PARAMETERS || mode == RequestValidationMode.BODY_ONLY);
            validator.put("validateRequestParameters",
                    mode == RequestValidationMode.BODY_AND_PARAMETERS || mode == RequestValidationMode.PARAMETERS_ONLY);
        }
    }

    /** The API's models ({@code components.schemas}), checked for references first; null when none. */
    ObjectNode schemas() {
        return models.isEmpty() ? null : models.render();
    }

    /** Reports model references that point outside the API's models (run once, at synth). */
    public void checkModelReferences(Findings into) {
        models.checkReferences(into);
    }

    private static String validatorName(RequestValidationMode mode) {
        return switch (mode) {
            case BODY_AND_PARAMETERS -> Defaults.REQUEST_VALIDATOR;
            case BODY_ONLY -> "body-only";
            case PARAMETERS_ONLY -> "parameters-only";
            case NONE -> "none";
        };
    }
}
