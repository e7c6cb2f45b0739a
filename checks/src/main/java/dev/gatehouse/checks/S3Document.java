package dev.gatehouse.checks;

/** What {@link S3Documents#find} found: the document's text, or why it cannot be had. */
public sealed interface S3Document {
    /**
     * @param name where it was read, for findings (an asset file of the cloud assembly)
     * @param text its content, JSON or YAML
     */
    record Found(String name, String text) implements S3Document {
    }

    /**
     * @param severity {@link Severity#ERROR} when the deployment would fail too (an asset missing
     *     from the cloud assembly), {@link Severity#WARNING} when the document is simply out of reach
     * @param problem what is wrong and how to fix it
     */
    record Unavailable(Severity severity, String problem) implements S3Document {
    }
}
