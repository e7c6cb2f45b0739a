package dev.gatehouse.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * Apps with the context of the repository's cdk.json (the feature flags {@code cdk init} writes for
 * the pinned aws-cdk-lib), so that the sample app the tests synthesize is the one
 * {@code npx cdk synth} synthesizes.
 */
public final class CdkJsonContext {
    private static final Path CDK_JSON = Path.of(System.getProperty("gatehouse.root", ".."), "cdk.json");

    private CdkJsonContext() {
    }

    /** cdk.json's {@code context}: flag name to value. */
    public static Map<String, Object> context() {
        try {
            JsonNode context = new ObjectMapper().readTree(CDK_JSON.toFile()).path("context");
            Map<String, Object> values = new LinkedHashMap<>();
            context.properties().forEach(e -> values.put(e.getKey(), new ObjectMapper().convertValue(e.getValue(), Object.class)));
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + CDK_JSON.toAbsolutePath(), e);
        }
    }

    /** A new app with cdk.json's context. */
    public static App app() {
        return app(Map.of());
    }

    /** A new app with cdk.json's context and {@code more} on top. */
    public static App app(Map<String, Object> more) {
        Map<String, Object> context = context();
        context.putAll(more);
        return new App(AppProps.builder().context(context).build());
    }
}
