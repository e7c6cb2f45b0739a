package dev.gatehouse.integrations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One integration response of a non-proxy integration: which backend responses it selects, the
 * status code the client gets, and the headers and body it is given
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration-response.html).
 *
 * <pre>{@code
 * ResponseMapping.builder().selectionPattern(".*not found.*").statusCode(404)
 *         .responseTemplate("application/json", "{\"message\": \"no such order\"}")
 *         .build();
 * }</pre>
 */
public interface ResponseMapping {

    /**
     * A Java regular expression that selects this response: for a Lambda function it is matched
     * against the {@code errorMessage} of a failed invocation (and against an empty string for a
     * successful one), for HTTP and AWS backends against the status code. The whole text must
     * match, and {@code .} does not match a line break (write {@code (.|\n)*}).
     *
     * @default none: this is the default response, chosen when no pattern matches
     */
    default String getSelectionPattern() {
        return null;
    }

    /** The status code the client gets, 100 to 599. Required. */
    int getStatusCode();

    /**
     * Response headers, {@code method.response.header.<name>} to a source:
     * {@code integration.response.header.<name>}, {@code integration.response.body} or
     * {@code integration.response.body.<JSONPath>}, {@code context.<name>},
     * {@code stageVariables.<name>} or a static value in single quotes. The operation declares
     * every header mapped here (API Gateway rejects mappings to undeclared headers).
     *
     * @default none
     */
    default Map<String, String> getResponseParameters() {
        return Map.of();
    }

    /**
     * Response body templates (VTL) by content type, checked at synth (rules GH220, GH221).
     *
     * @default none: the backend's body is passed to the client as it is
     */
    default Map<String, String> getResponseTemplates() {
        return Map.of();
    }

    /**
     * How the response body is converted between text and binary.
     *
     * @default none: the body is passed on as it is
     */
    default BodyConversion getContentHandling() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** The default response with {@code statusCode} and the backend's body. */
    static ResponseMapping byDefault(int statusCode) {
        return builder().statusCode(statusCode).build();
    }

    /** Builds a {@link ResponseMapping}. */
    final class Builder {
        String selectionPattern;
        Integer statusCode;
        final Map<String, String> responseParameters = new LinkedHashMap<>();
        final Map<String, String> responseTemplates = new LinkedHashMap<>();
        BodyConversion contentHandling;

        private Builder() {
        }

        /** @see ResponseMapping#getSelectionPattern() */
        public Builder selectionPattern(String selectionPattern) {
            this.selectionPattern = selectionPattern;
            return this;
        }

        /** @see ResponseMapping#getStatusCode() */
        public Builder statusCode(int statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        /**
         * Maps a response header, e.g. {@code responseParameter("method.response.header.Location",
         * "integration.response.body.url")}.
         *
         * @see ResponseMapping#getResponseParameters()
         */
        public Builder responseParameter(String target, String source) {
            responseParameters.put(Objects.requireNonNull(target, "target"), Objects.requireNonNull(source, "source"));
            return this;
        }

        /** @see ResponseMapping#getResponseTemplates() */
        public Builder responseTemplate(String contentType, String template) {
            responseTemplates.put(Objects.requireNonNull(contentType, "contentType"),
                    Objects.requireNonNull(template, "template"));
            return this;
        }

        /** @see ResponseMapping#getContentHandling() */
        public Builder contentHandling(BodyConversion contentHandling) {
            this.contentHandling = contentHandling;
            return this;
        }

        /** @throws IllegalStateException when the status code is missing */
        public ResponseMapping build() {
            if (statusCode == null) {
                throw new IllegalStateException("ResponseMapping needs a statusCode, e.g. "
                        + "ResponseMapping.builder().statusCode(200).build().");
            }
            return new ResponseMappingValue(this);
        }
    }
}

final class ResponseMappingValue implements ResponseMapping {
    private final String selectionPattern;
    private final int statusCode;
    private final Map<String, String> responseParameters;
    private final Map<String, String> responseTemplates;
    private final BodyConversion contentHandling;

    ResponseMappingValue(ResponseMapping.Builder b) {
        this.selectionPattern = b.selectionPattern;
        this.statusCode = b.statusCode;
        this.responseParameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.responseParameters));
        this.responseTemplates = Collections.unmodifiableMap(new LinkedHashMap<>(b.responseTemplates));
        this.contentHandling = b.contentHandling;
    }

    @Override public String getSelectionPattern() { return selectionPattern; }
    @Override public int getStatusCode() { return statusCode; }
    @Override public Map<String, String> getResponseParameters() { return responseParameters; }
    @Override public Map<String, String> getResponseTemplates() { return responseTemplates; }
    @Override public BodyConversion getContentHandling() { return contentHandling; }
}
