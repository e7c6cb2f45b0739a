package dev.gatehouse.integrations.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.integrations.RouteIntegrationConfig;

/**
 * The document renderer's read access to an {@link RouteIntegrationConfig}'s objects without the copies
 * its public getters make (a thousand routes would make a thousand). {@code RouteIntegrationConfig}
 * registers the reader when its class is initialized, which is before any config exists.
 */
public final class RouteIntegrationConfigNodes {
    /** Reads a config's objects as they are. */
    public interface Reader {
        ObjectNode integration(RouteIntegrationConfig config);

        ObjectNode responses(RouteIntegrationConfig config);
    }

    private static volatile Reader reader;

    private RouteIntegrationConfigNodes() {
    }

    /** Called once, by {@link RouteIntegrationConfig}. */
    public static synchronized void register(Reader configReader) {
        if (reader != null) {
            throw new IllegalStateException("the RouteIntegrationConfig reader is already registered");
        }
        reader = configReader;
    }

    /** The {@code x-amazon-apigateway-integration} object, not copied: the renderer only reads it. */
    public static ObjectNode integration(RouteIntegrationConfig config) {
        return reader.integration(config);
    }

    /** The operation's {@code responses}, not copied: the renderer only reads it. */
    public static ObjectNode responses(RouteIntegrationConfig config) {
        return reader.responses(config);
    }
}
