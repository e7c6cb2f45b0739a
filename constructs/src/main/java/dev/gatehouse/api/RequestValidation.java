package dev.gatehouse.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What API Gateway checks on a route's requests before the integration runs: a request model per
 * content type, required query string parameters and headers, and which validator applies
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html).
 *
 * <pre>{@code
 * RouteOptions.builder()
 *         .authorization(Authorization.iam())
 *         .requestValidation(RequestValidation.builder()
 *                 .model(RequestModel.fromString("Order", "{\"type\": \"object\", \"required\": [\"sku\"]}"))
 *                 .requiredHeaders("X-Tenant")
 *                 .build())
 *         .build();
 * }</pre>
 */
public interface RequestValidation {

    /**
     * Which parts of the request API Gateway validates.
     *
     * @default {@link dev.gatehouse.Defaults#REQUEST_VALIDATION_MODE} (BODY_AND_PARAMETERS), the
     *     API's default validator
     */
    default RequestValidationMode getValidator() {
        return null;
    }

    /**
     * Body models by content type. A body whose content type has no model is not checked.
     *
     * @default none
     */
    default Map<String, RequestModel> getModels() {
        return Map.of();
    }

    /**
     * Query string parameters a request must carry (400 otherwise).
     *
     * @default none
     */
    default List<String> getRequiredQueryParameters() {
        return List.of();
    }

    /**
     * Headers a request must carry (400 otherwise).
     *
     * @default none
     */
    default List<String> getRequiredHeaders() {
        return List.of();
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RequestValidation}. */
    final class Builder {
        RequestValidationMode validator;
        final Map<String, RequestModel> models = new LinkedHashMap<>();
        List<String> requiredQueryParameters = List.of();
        List<String> requiredHeaders = List.of();

        private Builder() {
        }

        /** @see RequestValidation#getValidator() */
        public Builder validator(RequestValidationMode validator) {
            this.validator = validator;
            return this;
        }

        /**
         * The model of {@value dev.gatehouse.Defaults#MODEL_CONTENT_TYPE} bodies.
         *
         * @see RequestValidation#getModels()
         */
        public Builder model(RequestModel model) {
            return model(dev.gatehouse.Defaults.MODEL_CONTENT_TYPE, model);
        }

        /** The model of bodies of {@code contentType}. @see RequestValidation#getModels() */
        public Builder model(String contentType, RequestModel model) {
            models.put(Objects.requireNonNull(contentType, "contentType"), Objects.requireNonNull(model, "model"));
            return this;
        }

        /** @see RequestValidation#getRequiredQueryParameters() */
        public Builder requiredQueryParameters(String... names) {
            this.requiredQueryParameters = List.of(names);
            return this;
        }

        /** @see RequestValidation#getRequiredHeaders() */
        public Builder requiredHeaders(String... names) {
            this.requiredHeaders = List.of(names);
            return this;
        }

        public RequestValidation build() {
            return new RequestValidationValue(this);
        }
    }
}

final class RequestValidationValue implements RequestValidation {
    private final RequestValidationMode validator;
    private final Map<String, RequestModel> models;
    private final List<String> requiredQueryParameters;
    private final List<String> requiredHeaders;

    RequestValidationValue(RequestValidation.Builder b) {
        this.validator = b.validator;
        this.models = Collections.unmodifiableMap(new LinkedHashMap<>(b.models));
        this.requiredQueryParameters = b.requiredQueryParameters;
        this.requiredHeaders = b.requiredHeaders;
    }

    @Override public RequestValidationMode getValidator() { return validator; }
    @Override public Map<String, RequestModel> getModels() { return models; }
    @Override public List<String> getRequiredQueryParameters() { return requiredQueryParameters; }
    @Override public List<String> getRequiredHeaders() { return requiredHeaders; }
}
