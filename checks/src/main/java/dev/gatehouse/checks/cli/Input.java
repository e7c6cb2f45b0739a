package dev.gatehouse.checks.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.checks.CloudAssembly;
import dev.gatehouse.checks.S3Documents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One thing to check, as the command line names it: an OpenAPI document, a CloudFormation
 * template, or a cloud assembly directory (each of its stacks' templates).
 */
sealed interface Input {
    /** An OpenAPI 3.0 or Swagger 2.0 document. */
    record Document(Path file, JsonNode document) implements Input {
    }

    /**
     * A template; {@code s3} finds its documents in S3 (the cloud assembly it is in, if any).
     *
     * @param name what the output calls it: the file, or the stack of a cloud assembly
     */
    record Template(String name, JsonNode template, S3Documents s3) implements Input {
    }

    /** What cannot be checked, and why. */
    final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    /** The inputs {@code path} stands for: one file, or every stack of a cloud assembly. */
    static List<Input> of(Path path) throws Unusable {
        if (Files.isDirectory(path)) {
            CloudAssembly assembly;
            try {
                assembly = CloudAssembly.read(path);
            } catch (IllegalArgumentException e) {
                throw new Unusable(e.getMessage());
            }
            List<Input> stacks = new ArrayList<>();
            for (CloudAssembly.Stack stack : assembly.stacks()) {
                stacks.add(new Template(stack.name() + " (" + stack.templateFile() + ")", stack.template(), assembly));
            }
            if (stacks.isEmpty()) {
                throw new Unusable(path + " is a cloud assembly without stacks.");
            }
            return stacks;
        }
        if (!Files.isRegularFile(path)) {
            throw new Unusable(path + " does not exist.");
        }
        JsonNode content = read(path);
        if (content.has("openapi") || content.has("swagger")) {
            return List.of(new Document(path, content));
        }
        if (content.has("Resources")) {
            samTransform(path, content);
            return List.of(new Template(path.toString(), content, assemblyAround(path)));
        }
        throw new Unusable(path + " is neither an OpenAPI document (no 'openapi' or 'swagger' field) nor a "
                + "CloudFormation template (no 'Resources').");
    }

    private static JsonNode read(Path file) throws Unusable {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode node = text.trim().startsWith("{") ? new ObjectMapper().readTree(text) : CloudFormationYaml.read(text);
            if (node == null || !node.isObject()) {
                throw new Unusable(file + " holds no JSON or YAML object.");
            }
            return node;
        } catch (IOException e) {
            throw new Unusable(file + " is neither JSON nor YAML: " + e.getMessage());
        }
    }

    /** A template written into a cloud assembly finds its assets there. */
    private static S3Documents assemblyAround(Path template) {
        Path directory = template.toAbsolutePath().getParent();
        return directory != null && Files.isRegularFile(directory.resolve("manifest.json"))
                ? CloudAssembly.read(directory) : S3Documents.NONE;
    }

    /** SAM's resources exist only after CloudFormation has run the transform; the checks cannot judge them. */
    private static void samTransform(Path file, JsonNode template) throws Unusable {
        if (template.path("Transform").toString().contains("AWS::Serverless")) {
            throw new Unusable(file + " uses the AWS::Serverless transform (SAM), which CloudFormation expands at deploy "
                    + "time, so its resources cannot be judged as written. Fix: check its OpenAPI documents "
                    + "(DefinitionBody, DefinitionUri) on their own, or the processed template (aws cloudformation "
                    + "get-template --template-stage Processed).");
        }
    }
}
