package dev.gatehouse.checks.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.checks.Finding;
import dev.gatehouse.checks.Severity;
import dev.gatehouse.checks.internal.Names;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the import rules put what they find, for one document, and the checks every rule class
 * shares (known fields, known extensions, allowed values).
 *
 * <p>Severity follows API Gateway's import: {@link Severity#ERROR} for what the import rejects
 * (or what makes the deployment fail), {@link Severity#WARNING} for what it imports with a warning
 * or ignores ({@code failonwarnings=false}, the default, imports anyway).
 */
final class RuleFindings {
    static final String EXTENSION_PREFIX = "x-amazon-apigateway-";
    /** Extensions of HTTP APIs, which a REST API import ignores. */
    private static final Map<String, String> HTTP_API_EXTENSIONS = Map.of(
            "x-amazon-apigateway-cors", "answer CORS preflights with OPTIONS operations (a mock integration that "
                    + "returns the Access-Control-Allow-* headers) and gateway responses",
            "x-amazon-apigateway-importexport-version", "remove it",
            "x-amazon-apigateway-integrations", "put each x-amazon-apigateway-integration on its operation",
            "x-amazon-apigateway-tag-value", "tag the RestApi resource instead");

    private final String check;
    private final String subject;
    private final List<Finding> findings;

    RuleFindings(String check, String subject, List<Finding> findings) {
        this.check = check;
        this.subject = subject;
        this.findings = findings;
    }

    void error(String path, String message) {
        findings.add(new Finding(check, Severity.ERROR, subject, path, message));
    }

    void warning(String path, String message) {
        findings.add(new Finding(check, Severity.WARNING, subject, path, message));
    }

    /** Reports fields of {@code object} that are not in {@code known} (the import rejects them). */
    void fields(JsonNode object, Set<String> known, String at) {
        if (!object.isObject()) {
            error(at, "expected an object.");
            return;
        }
        object.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                error(at + "." + f, "'" + f + "' is not a field API Gateway knows here." + Names.suggestion(f, known));
            }
        });
    }

    /**
     * Reports an {@code x-amazon-apigateway-*} key that is not one of {@code allowed} at this
     * level: the import ignores it, so it is a warning (a misspelt integration is also reported
     * as the missing integration it leaves behind). A likely misspelling is named as such before
     * an HTTP API extension is.
     */
    void unknownExtension(String key, Set<String> allowed, String at) {
        if (!key.startsWith(EXTENSION_PREFIX) || allowed.contains(key)) {
            return;
        }
        String where = at.isEmpty() ? key : at + "." + key;
        String httpApiFix = HTTP_API_EXTENSIONS.get(key);
        boolean typo = allowed.stream().anyMatch(known -> Names.distance(known, key) <= 2);
        if (httpApiFix != null && !typo) {
            warning(where, "'" + key + "' is an HTTP API extension; a REST API import ignores it. Fix: " + httpApiFix + ".");
        } else {
            warning(where, "'" + key + "' is not an API Gateway extension " + (allowed.isEmpty() ? "allowed here"
                    : "of this object") + "; the import ignores it." + Names.suggestion(key, allowed));
        }
    }

    /** Reports a value of {@code field} that is not one of {@code allowed} (compared in upper case). */
    void enumField(JsonNode object, String field, Set<String> allowed, String at) {
        JsonNode value = object.get(field);
        if (value != null && !deployTime(value) && !allowed.contains(value.asText().toUpperCase(Locale.ROOT))) {
            error(at + "." + field, "'" + value.asText() + "' is not one of " + new TreeSet<>(allowed) + ".");
        }
    }

    /**
     * True for a value known only at deploy time (a rendered intrinsic such as an {@code Fn::If} or
     * a parameter): it satisfies any rule it could satisfy.
     */
    static boolean deployTime(JsonNode value) {
        return value != null && value.isTextual() && DeployTimeValues.hasPlaceholder(value.textValue());
    }

    /** A list of strings (or a list known only at deploy time). */
    static boolean allText(JsonNode array) {
        if (deployTime(array)) {
            return true;
        }
        if (!array.isArray()) {
            return false;
        }
        for (JsonNode e : array) {
            if (!e.isTextual()) {
                return false;
            }
        }
        return true;
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node.properties();
    }
}
