package dev.gatehouse.api.internal;

import java.io.StringReader;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.exception.ParseErrorException;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;

/**
 * Parses mapping templates with Apache Velocity, the engine of the Velocity Template Language
 * API Gateway evaluates them with, configured for the 1.7 syntax API Gateway accepts (hyphens in
 * identifiers). Only parses: nothing is rendered, no resource is loaded.
 */
final class VtlParser {
    /** Where a template does not parse: 1-based line and column, and Velocity's reason. */
    record SyntaxError(int line, int column, String reason) {
    }

    private static final class Engine {
        static final RuntimeInstance VELOCITY = create();

        private static RuntimeInstance create() {
            RuntimeInstance velocity = new RuntimeInstance();
            Properties properties = new Properties();
            // API Gateway's VTL is Velocity 1.7's, where '-' may appear in identifiers, as in AWS's own
            // $context.responseOverride.header.<Header-Name> (Velocity 2 needs this switch for it).
            properties.setProperty("parser.allow_hyphen_in_identifiers", "true");
            properties.setProperty("resource.loaders", "string");
            properties.setProperty("resource.loader.string.class",
                    "org.apache.velocity.runtime.resource.loader.StringResourceLoader");
            velocity.init(properties);
            return velocity;
        }
    }

    private VtlParser() {
    }

    /** The syntax error of {@code text}, or null when it parses. */
    static SyntaxError parse(String text) {
        Template template = new Template();
        template.setName("template");
        template.setRuntimeServices(Engine.VELOCITY);
        try {
            Engine.VELOCITY.parse(new StringReader(text), template);
            return null;
        } catch (ParseException e) {
            ParseErrorException located = new ParseErrorException(e, template.getName());
            return new SyntaxError(Math.max(located.getLineNumber(), 1), Math.max(located.getColumnNumber(), 1),
                    reason(e.getMessage()));
        }
    }

    /**
     * The first line of Velocity's message, without the position it repeats and the list of
     * every token it expected.
     */
    private static String reason(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("").trim();
        first = first.replaceAll(" at template\\[line \\d+, column \\d+\\]", "")
                .replaceAll("Lexical error: org\\.apache\\.velocity\\.runtime\\.parser\\.TokenMgrError: ", "")
                .replaceAll("Lexical error at line \\d+, column \\d+\\.\\s*", "")
                .replaceAll(" \\(in lexical state \\d+\\)", "")
                .replaceAll(",$", "");
        // Velocity marks the end of the text with the character U+001C (in messages, escaped or not).
        if (first.contains("<EOF>") || first.contains("\u001c") || first.contains("\\u001c")) {
            return "the template ends inside a directive (an #if, #foreach, #macro or #define without #end, or an "
                    + "unclosed string or parenthesis)";
        }
        return first;
    }
}
