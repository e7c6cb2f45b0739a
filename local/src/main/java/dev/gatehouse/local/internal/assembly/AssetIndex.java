package dev.gatehouse.local.internal.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The file assets of a stack, from its asset manifests ({@code *.assets.json}): each asset's
 * object key (what the template's {@code S3Key} names) to its source in the assembly directory.
 */
public final class AssetIndex {
    private final Path directory;
    private final Map<String, Path> byObjectKey = new HashMap<>();

    AssetIndex(Path directory) {
        this.directory = directory;
    }

    void addManifest(JsonNode manifest) {
        Iterator<Map.Entry<String, JsonNode>> files = manifest.path("files").fields();
        while (files.hasNext()) {
            JsonNode asset = files.next().getValue();
            String path = asset.path("source").path("path").asText("");
            if (path.isEmpty()) {
                continue;
            }
            for (JsonNode destination : asset.path("destinations")) {
                String key = destination.path("objectKey").asText("");
                if (!key.isEmpty()) {
                    byObjectKey.put(key, directory.resolve(path));
                }
            }
        }
    }

    /** The asset's source (a file or a directory) for an S3 object key the template names. */
    public Optional<Path> byObjectKey(String objectKey) {
        return Optional.ofNullable(byObjectKey.get(objectKey));
    }

    /** The assembly directory the stack's manifest is in. */
    public Path directory() {
        return directory;
    }

    /** A path relative to the assembly directory (the {@code aws:asset:path} metadata). */
    public Path relative(String path) {
        return directory.resolve(path);
    }
}
