package dev.gatehouse.local.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which MethodSettings entry decides a method's caching: the most specific one that speaks for the method. */
class StageCacheSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode entry(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aResourcesEntryForEveryMethodCachesItsGetOnlyAndLetsBroaderEntriesSpeakForOtherMethods() {
        // Given caching on for every method of /orders, and stage-wide for POST
        Map<String, JsonNode> entries = Map.of(
                "/orders *", entry("{\"CachingEnabled\": true, \"CacheTtlInSeconds\": 30}"),
                "* POST", entry("{\"CachingEnabled\": true}"));

        // Then GET /orders is cached by the resource's entry, POST /orders by the stage-wide POST entry
        assertTrue(StageCacheSettings.setting(entries, "/orders", "GET", "CachingEnabled").asBoolean());
        assertEquals(30, StageCacheSettings.setting(entries, "/orders", "GET", "CacheTtlInSeconds").asInt());
        assertTrue(StageCacheSettings.setting(entries, "/orders", "POST", "CachingEnabled").asBoolean());
        // and DELETE /orders by none
        assertTrue(StageCacheSettings.setting(entries, "/orders", "DELETE", "CachingEnabled").isMissingNode());
    }

    @Test
    void aMethodsOwnEntryWinsOverEveryBroaderOne() {
        Map<String, JsonNode> entries = Map.of(
                "/orders GET", entry("{\"CachingEnabled\": false}"),
                "/orders *", entry("{\"CachingEnabled\": true}"),
                "* *", entry("{\"CachingEnabled\": true}"));
        assertEquals(false, StageCacheSettings.setting(entries, "/orders", "GET", "CachingEnabled").asBoolean(true));
    }
}
