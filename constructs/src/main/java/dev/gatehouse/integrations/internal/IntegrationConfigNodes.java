package dev.gatehouse.integrations.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.integrations.IntegrationConfig;

/**
 * The document renderer's read access to an {@link IntegrationConfig}'s objects without the copies
 * its public getters make (a thousand routes would make a thousand). {@code IntegrationConfig}
 * registers the reader when its class is initialized, which is before any config exists.
 */
public final class IntegrationConfigNodes {
    /** Reads a config's objects as they are. */
    public interface Reader {
        ObjectNode integration(IntegrationConfig config);

        ObjectNode responses(IntegrationConfig config);
    }

    private static volatile Reader reader;

    private IntegrationConfigNodes() {
    }

    /** Called once, by {@link IntegrationConfig}. */
    public static synchronized void register(Reader configReader) {
        if (reader != null) {
            throw new IllegalStateException("the IntegrationConfig reader is already registered");
        }
        reader = configReader;
    }

    /** The {@code x-amazon-apigateway-integration} object, not copied: the renderer only reads it. */
    public static ObjectNode integration(IntegrationConfig config) {
        return reader.integration(config);
    }

    /** The operation's {@code responses}, not copied: the renderer only reads it. */
    public static ObjectNode responses(IntegrationConfig config) {
        return reader.responses(config);
    }
}
