package dev.gatehouse.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/**
 * Entry point of {@code cdk synth} (see cdk.json). The stack is environment-agnostic, so synthesis
 * needs no AWS credentials and makes no lookups.
 */
public final class SampleApp {
    public static final String STACK_NAME = "GatehouseSample";

    private SampleApp() {
    }

    /** Adds the sample stack to {@code app}; tests use this to synthesize the same stack. */
    public static SampleStack define(App app) {
        return new SampleStack(app, STACK_NAME, StackProps.builder()
                .description("Gatehouse sample: an OpenAPI-first REST API built with Gatehouse")
                .build());
    }

    public static void main(String[] args) throws IOException {
        App app = new App();
        SampleStack stack = define(app);
        app.synth();
        // The API's OpenAPI document beside the template, for readers and tools.
        Path document = Path.of(app.getOutdir(), STACK_NAME + ".openapi.json");
        new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValue(document.toFile(), stack.getApi().getResolvedOpenApiDocument());
    }
}
