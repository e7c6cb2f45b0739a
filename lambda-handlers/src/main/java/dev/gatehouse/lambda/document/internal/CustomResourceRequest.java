package dev.gatehouse.lambda.document.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CloudFormation custom resource request, as the Lambda runtime hands it over (a JSON object
 * read into maps): what to do, the resource's properties, and where to send the answer.
 *
 * @param requestType {@code Create}, {@code Update} or {@code Delete}
 * @param physicalResourceId the resource's id so far; null on {@code Create}
 * @param properties {@code ResourceProperties}, every value as CloudFormation sends it
 */
public record CustomResourceRequest(String requestType, String responseUrl, String stackId, String requestId,
        String logicalResourceId, String physicalResourceId, Map<String, Object> properties) {

    /**
     * Reads a request from the event.
     *
     * @throws IllegalArgumentException when the event is not a custom resource request (no
     *     {@code ResponseURL}, so nobody could be answered)
     */
    public static CustomResourceRequest of(Map<String, Object> event) {
        Object responseUrl = event.get("ResponseURL");
        if (!(responseUrl instanceof String url) || url.isBlank()) {
            throw new IllegalArgumentException("not a CloudFormation custom resource request: it has no ResponseURL");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        if (event.get("ResourceProperties") instanceof Map<?, ?> given) {
            given.forEach((key, value) -> properties.put(String.valueOf(key), value));
        }
        return new CustomResourceRequest(text(event, "RequestType"), url, text(event, "StackId"),
                text(event, "RequestId"), text(event, "LogicalResourceId"), text(event, "PhysicalResourceId"),
                properties);
    }

    /** A property that must be a non-empty string. */
    public String requiredText(String name) {
        Object value = properties.get(name);
        if (!(value instanceof String text) || text.isEmpty()) {
            throw new DocumentException("the resource property " + name + " is missing or empty.");
        }
        return text;
    }

    /** A property that must be an object of strings (CloudFormation sends every scalar as a string). */
    public Map<String, String> requiredStrings(String name) {
        if (!(properties.get(name) instanceof Map<?, ?> map)) {
            throw new DocumentException("the resource property " + name + " is missing or not an object.");
        }
        Map<String, String> strings = new LinkedHashMap<>();
        map.forEach((key, value) -> strings.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        return strings;
    }

    private static String text(Map<String, Object> event, String name) {
        Object value = event.get(name);
        return value == null ? null : String.valueOf(value);
    }
}
