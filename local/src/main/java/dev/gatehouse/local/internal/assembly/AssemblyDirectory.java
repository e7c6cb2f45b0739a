package dev.gatehouse.local.internal.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A cloud assembly directory ({@code cdk.out}) as synthesis wrote it: its {@code manifest.json},
 * the stack templates and the asset manifests. Nothing else is read.
 */
public final class AssemblyDirectory {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final JsonNode manifest;

    private AssemblyDirectory(Path directory, JsonNode manifest) {
        this.directory = directory;
        this.manifest = manifest;
    }

    /**
     * Reads {@code directory/manifest.json}.
     *
     * @throws IllegalArgumentException when the directory holds no cloud assembly
     */
    public static AssemblyDirectory read(Path directory) {
        Path manifest = directory.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException(directory.toAbsolutePath() + " is not a cloud assembly (no manifest.json):"
                    + " synthesize first (npx cdk synth), or name the directory with --cdk-out");
        }
        return new AssemblyDirectory(directory, readJson(manifest));
    }

    public Path directory() {
        return directory;
    }

    /** The names of the stacks in the assembly (top level only). */
    public List<String> stackNames() {
        List<String> names = new ArrayList<>();
        stacks().forEach(e -> names.add(stackName(e.getKey(), e.getValue())));
        return names;
    }

    /**
     * The stack named {@code name} (its stack name or artifact id); with a null name, the only stack
     * that holds a REST API.
     *
     * @throws IllegalArgumentException naming the stacks there are when none or several match
     */
    public StackTemplate stack(String name) {
        List<StackTemplate> candidates = new ArrayList<>();
        for (Map.Entry<String, JsonNode> artifact : stacks()) {
            String stackName = stackName(artifact.getKey(), artifact.getValue());
            if (name != null && !name.equals(stackName) && !name.equals(artifact.getKey())) {
                continue;
            }
            StackTemplate stack = load(artifact.getKey(), stackName, artifact.getValue());
            if (name != null || !stack.resourcesOfType("AWS::ApiGateway::RestApi").isEmpty()) {
                candidates.add(stack);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (name != null) {
            throw new IllegalArgumentException("no stack " + name + " in " + directory + "; its stacks: " + stackNames());
        }
        throw new IllegalArgumentException((candidates.isEmpty() ? "no stack with a REST API" : "several stacks with a REST API")
                + " in " + directory + " (" + stackNames() + "): name one with --stack");
    }

    private List<Map.Entry<String, JsonNode>> stacks() {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> artifacts = manifest.path("artifacts").fields();
        while (artifacts.hasNext()) {
            Map.Entry<String, JsonNode> artifact = artifacts.next();
            if ("aws:cloudformation:stack".equals(artifact.getValue().path("type").asText())) {
                out.add(artifact);
            }
        }
        return out;
    }

    private static String stackName(String artifactId, JsonNode artifact) {
        String name = artifact.path("properties").path("stackName").asText("");
        return name.isEmpty() ? artifactId : name;
    }

    private StackTemplate load(String artifactId, String stackName, JsonNode artifact) {
        Path templateFile = directory.resolve(artifact.path("properties").path("templateFile").asText());
        JsonNode template = readJson(templateFile);
        AssetIndex assets = new AssetIndex(directory);
        for (JsonNode dependency : artifact.path("dependencies")) {
            JsonNode other = manifest.path("artifacts").path(dependency.asText());
            if ("cdk:asset-manifest".equals(other.path("type").asText())) {
                Path file = directory.resolve(other.path("properties").path("file").asText());
                assets.addManifest(readJson(file));
            }
        }
        return new StackTemplate(stackName, artifactId, template, assets);
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
