package dev.gatehouse.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A template synthesized by Gatehouse (src/test/resources/fixtures/gatehouse-api.template.json):
 * an API with Lambda, HTTP and mock routes, IAM, TOKEN, REQUEST and Cognito authorizers, an API
 * key with a usage plan, CORS for two origins, a resource policy, a WAF web ACL, a client
 * certificate and a custom domain. Tests take a fresh copy and break one thing in it.
 */
public final class GatehouseTemplate {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String API = "ApiF70053CD";
    public static final String STAGE = "ApiStageB35FBB6B";
    public static final String FUNCTION = "OrdersA9B65338";
    public static final String LOG_GROUP = "OrdersLogs18C7443B";

    private static final JsonNode ORIGINAL = read();

    private GatehouseTemplate() {
    }

    /** A fresh copy of the template. */
    public static ObjectNode template() {
        return ORIGINAL.deepCopy();
    }

    /** The RestApi's OpenAPI document inside {@code template} (not a copy). */
    public static ObjectNode body(ObjectNode template) {
        return (ObjectNode) template.at("/Resources/" + API + "/Properties/Body");
    }

    /** The properties of resource {@code id} in {@code template} (not a copy). */
    public static ObjectNode properties(ObjectNode template, String id) {
        return (ObjectNode) template.at("/Resources/" + id + "/Properties");
    }

    /** The object at {@code pointer} (JSON Pointer) in {@code node}. */
    public static ObjectNode at(JsonNode node, String pointer) {
        JsonNode found = node.at(pointer);
        if (!found.isObject()) {
            throw new IllegalArgumentException("no object at " + pointer);
        }
        return (ObjectNode) found;
    }

    private static JsonNode read() {
        try (InputStream in = GatehouseTemplate.class.getResourceAsStream("/fixtures/gatehouse-api.template.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
