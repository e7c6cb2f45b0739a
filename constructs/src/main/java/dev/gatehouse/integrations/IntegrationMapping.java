package dev.gatehouse.integrations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes a Lambda or HTTP integration a non-proxy ("custom") integration: the request the backend
 * gets is built by request templates and parameter mappings, and the client's response is
 * selected and shaped by integration responses
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-data-transformations.html).
 *
 * <pre>{@code
 * Integrations.lambda(fn, LambdaRouteIntegrationOptions.builder()
 *         .mapping(IntegrationMapping.builder()
 *                 .requestTemplate("application/json", "{\"orderId\": \"$input.params('id')\"}")
 *                 .response(ResponseMapping.byDefault(200))
 *                 .response(ResponseMapping.builder().selectionPattern("Not found:.*").statusCode(404).build())
 *                 .build())
 *         .build());
 * }</pre>
 *
 * <p>Every template is parsed as VTL at synth (rule GH220) and every mapping expression checked
 * (GH223).
 */
public interface IntegrationMapping {

    /**
     * Request body templates (VTL) by content type, e.g. {@code application/json}.
     *
     * @default none: the request body passes through as the passthrough behaviour says
     */
    default Map<String, String> getRequestTemplates() {
        return Map.of();
    }

    /**
     * Request parameters for the backend, {@code integration.request.path|querystring|header.<name>}
     * (or {@code multivaluequerystring}/{@code multivalueheader}) to a source:
     * {@code method.request.path|querystring|header|multivaluequerystring|multivalueheader.<name>},
     * {@code method.request.body} or {@code method.request.body.<JSONPath>},
     * {@code context.<name>}, {@code stageVariables.<name>} or a static value in single quotes.
     * Query string parameters and headers used as sources are declared on the operation (as
     * optional, unless the route requires them).
     *
     * @default none (an HTTP integration still maps the URL's path variables)
     */
    default Map<String, String> getRequestParameters() {
        return Map.of();
    }

    /**
     * What happens to a request whose content type has no template.
     *
     * @default {@link dev.gatehouse.Defaults#TEMPLATE_PASSTHROUGH} (WHEN_NO_TEMPLATES): with
     *     templates, other content types are rejected with 415
     */
    default TemplatePassthrough getPassthrough() {
        return null;
    }

    /**
     * How the request body is converted between text and binary on its way to the backend.
     *
     * @default none: the body is passed on as it is
     */
    default BodyConversion getContentHandling() {
        return null;
    }

    /**
     * The integration responses, at most one without a selection pattern (the default).
     *
     * @default one default response with status {@value dev.gatehouse.Defaults#MAPPING_DEFAULT_STATUS}
     *     and the backend's body
     */
    default List<ResponseMapping> getResponses() {
        return List.of();
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link IntegrationMapping}. */
    final class Builder {
        final Map<String, String> requestTemplates = new LinkedHashMap<>();
        final Map<String, String> requestParameters = new LinkedHashMap<>();
        TemplatePassthrough passthrough;
        BodyConversion contentHandling;
        final List<ResponseMapping> responses = new ArrayList<>();

        private Builder() {
        }

        /** @see IntegrationMapping#getRequestTemplates() */
        public Builder requestTemplate(String contentType, String template) {
            requestTemplates.put(Objects.requireNonNull(contentType, "contentType"),
                    Objects.requireNonNull(template, "template"));
            return this;
        }

        /**
         * Maps a request parameter, e.g. {@code requestParameter("integration.request.header.X-Tenant",
         * "method.request.header.X-Tenant")}.
         *
         * @see IntegrationMapping#getRequestParameters()
         */
        public Builder requestParameter(String target, String source) {
            requestParameters.put(Objects.requireNonNull(target, "target"), Objects.requireNonNull(source, "source"));
            return this;
        }

        /** @see IntegrationMapping#getPassthrough() */
        public Builder passthrough(TemplatePassthrough passthrough) {
            this.passthrough = passthrough;
            return this;
        }

        /** @see IntegrationMapping#getContentHandling() */
        public Builder contentHandling(BodyConversion contentHandling) {
            this.contentHandling = contentHandling;
            return this;
        }

        /** Adds an integration response. @see IntegrationMapping#getResponses() */
        public Builder response(ResponseMapping response) {
            responses.add(Objects.requireNonNull(response, "response"));
            return this;
        }

        public IntegrationMapping build() {
            return new IntegrationMappingValue(this);
        }
    }
}

final class IntegrationMappingValue implements IntegrationMapping {
    private final Map<String, String> requestTemplates;
    private final Map<String, String> requestParameters;
    private final TemplatePassthrough passthrough;
    private final BodyConversion contentHandling;
    private final List<ResponseMapping> responses;

    IntegrationMappingValue(IntegrationMapping.Builder b) {
        this.requestTemplates = Collections.unmodifiableMap(new LinkedHashMap<>(b.requestTemplates));
        this.requestParameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.requestParameters));
        this.passthrough = b.passthrough;
        this.contentHandling = b.contentHandling;
        this.responses = List.copyOf(b.responses);
    }

    @Override public Map<String, String> getRequestTemplates() { return requestTemplates; }
    @Override public Map<String, String> getRequestParameters() { return requestParameters; }
    @Override public TemplatePassthrough getPassthrough() { return passthrough; }
    @Override public BodyConversion getContentHandling() { return contentHandling; }
    @Override public List<ResponseMapping> getResponses() { return responses; }
}
