package dev.gatehouse.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.checks.openapi.DeployTimeValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cloud assembly: the directory {@code cdk synth} writes ({@code cdk.out}). Its
 * {@code manifest.json} lists the stacks (with their template files, nested stages included) and
 * the asset manifests ({@code <stack>.assets.json}); an asset manifest maps each file asset to the
 * S3 bucket and key it is published to. That lets the checks read an OpenAPI document a template
 * keeps in S3 ({@code BodyS3Location}, or an {@code AWS::Include}) from the file the CDK wrote.
 * Assets of the legacy synthesizer (template parameters, {@code aws:cdk:asset} metadata) are
 * found too.
 */
public final class CloudAssembly implements S3Documents {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stack of the assembly. */
    public record Stack(String name, Path templateFile) {
        /** The stack's template. */
        public JsonNode template() {
            return json(templateFile);
        }
    }

    /** A file asset: its file in the assembly, how it is packaged, and where it is published. */
    private record Asset(Path file, String packaging, List<String> buckets) {
    }

    private final Path directory;
    private final List<Stack> stacks = new ArrayList<>();
    private final Map<String, Asset> byObjectKey = new HashMap<>();
    private final Map<String, Asset> byParameter = new HashMap<>();

    private CloudAssembly(Path directory) {
        this.directory = directory;
    }

    /**
     * Reads the assembly in {@code directory}.
     *
     * @throws IllegalArgumentException when the directory holds no {@code manifest.json}
     */
    public static CloudAssembly read(Path directory) {
        if (!Files.isRegularFile(directory.resolve("manifest.json"))) {
            throw new IllegalArgumentException(directory + " is not a cloud assembly (it has no manifest.json). Fix: "
                    + "give the directory `cdk synth` writes, cdk.out by default.");
        }
        CloudAssembly assembly = new CloudAssembly(directory);
        assembly.readAssembly(directory);
        return assembly;
    }

    public Path directory() {
        return directory;
    }

    /** Every stack, nested stages' included, in manifest order. */
    public List<Stack> stacks() {
        return List.copyOf(stacks);
    }

    /** The stack named {@code name} (its artifact id, which is the stack name for top-level stacks). */
    public Optional<Stack> stack(String name) {
        return stacks.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private void readAssembly(Path dir) {
        JsonNode manifest = json(dir.resolve("manifest.json"));
        for (Map.Entry<String, JsonNode> artifact : manifest.path("artifacts").properties()) {
            JsonNode value = artifact.getValue();
            JsonNode properties = value.path("properties");
            switch (value.path("type").asText()) {
                case "aws:cloudformation:stack" -> {
                    stacks.add(new Stack(artifact.getKey(), dir.resolve(properties.path("templateFile").asText())));
                    legacyAssets(dir, value.path("metadata"));
                }
                case "cdk:cloud-assembly" -> readAssembly(dir.resolve(properties.path("directoryName").asText()));
                default -> {
                    // asset manifests are read below; trees and other artifacts are not needed
                }
            }
        }
        try (DirectoryStream<Path> manifests = Files.newDirectoryStream(dir, "*.assets.json")) {
            for (Path assetManifest : manifests) {
                assets(dir, json(assetManifest));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir, e);
        }
    }

    /** The file assets of an asset manifest, by the S3 keys they are published to. */
    private void assets(Path dir, JsonNode assetManifest) {
        for (JsonNode file : assetManifest.path("files")) {
            List<String> buckets = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (JsonNode destination : file.path("destinations")) {
                buckets.add(DeployTimeValues.awsVariables(destination.path("bucketName").asText()));
                keys.add(destination.path("objectKey").asText());
            }
            Asset asset = new Asset(dir.resolve(file.path("source").path("path").asText()),
                    file.path("source").path("packaging").asText("file"), buckets);
            keys.forEach(key -> byObjectKey.put(key, asset));
        }
    }

    /** The legacy synthesizer's assets: stack metadata naming the parameters that carry bucket and key. */
    private void legacyAssets(Path dir, JsonNode metadata) {
        for (JsonNode entries : metadata) {
            for (JsonNode entry : entries) {
                if (!"aws:cdk:asset".equals(entry.path("type").asText())) {
                    continue;
                }
                JsonNode data = entry.path("data");
                Asset asset = new Asset(dir.resolve(data.path("path").asText()), data.path("packaging").asText("file"), List.of());
                for (String parameter : List.of("s3KeyParameter", "s3BucketParameter")) {
                    if (data.hasNonNull(parameter)) {
                        byParameter.put(data.get(parameter).asText(), asset);
                    }
                }
            }
        }
    }

    @Override
    public S3Document find(JsonNode location) {
        DeployTimeValues values = DeployTimeValues.standalone();
        String bucket;
        String key;
        if (location.isObject() && location.has("Key")) {
            bucket = values.string(location.path("Bucket"));
            key = values.string(location.path("Key"));
        } else {
            String url = values.string(location);
            int slash = url.indexOf('/', "s3://".length());
            bucket = url.startsWith("s3://") && slash > 0 ? url.substring("s3://".length(), slash) : url;
            key = url.startsWith("s3://") && slash > 0 ? url.substring(slash + 1) : "";
        }
        Asset asset = byObjectKey.get(key);
        if (asset != null && !asset.buckets().isEmpty() && !asset.buckets().contains(bucket)
                && !DeployTimeValues.hasPlaceholder(bucket)) {
            asset = null; // the same key in another bucket is not this asset
        }
        if (asset == null) {
            asset = legacyAsset(location);
        }
        if (asset == null) {
            return new S3Document.Unavailable(Severity.WARNING, "the document is read from s3://" + bucket + "/" + key
                    + " at deploy time, which is not an asset of the cloud assembly " + directory + ", so it is not "
                    + "checked. Fix: check that document on its own.");
        }
        if (!asset.packaging().equals("file")) {
            return new S3Document.Unavailable(Severity.ERROR, "the asset " + directory.relativize(asset.file())
                    + " is packaged as " + asset.packaging() + ", but API Gateway imports a single file. Fix: make the "
                    + "document a file asset.");
        }
        if (!Files.isRegularFile(asset.file())) {
            return new S3Document.Unavailable(Severity.ERROR, "the asset file " + asset.file() + " is missing from the "
                    + "cloud assembly, so it could not be published either. Fix: synthesize again.");
        }
        try {
            return new S3Document.Found(directory.relativize(asset.file()).toString(),
                    Files.readString(asset.file(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + asset.file(), e);
        }
    }

    private Asset legacyAsset(JsonNode location) {
        if (location.isObject()) {
            JsonNode ref = location.get("Ref");
            if (ref != null && byParameter.containsKey(ref.asText())) {
                return byParameter.get(ref.asText());
            }
        }
        for (JsonNode child : location) {
            Asset asset = legacyAsset(child);
            if (asset != null) {
                return asset;
            }
        }
        return null;
    }

    private static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
