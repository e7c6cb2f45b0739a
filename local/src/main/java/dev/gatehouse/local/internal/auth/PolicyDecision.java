package dev.gatehouse.local.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.authorizer.policy.ArnGlob;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Lambda authorizer's IAM policy evaluated against a method ARN as API Gateway does: a matching
 * Deny wins, else a matching Allow admits, else access is implicitly denied. Action and Resource
 * may be strings or lists; {@code *} and {@code ?} are wildcards
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html).
 */
public final class PolicyDecision {
    /** The outcome. */
    public enum Effect { ALLOW, IMPLICIT_DENY, EXPLICIT_DENY }

    private PolicyDecision() {
    }

    public static Effect evaluate(JsonNode policyDocument, String methodArn) {
        boolean allowed = false;
        for (JsonNode statement : statements(policyDocument)) {
            if (!matchesAny(values(statement, "Action"), "execute-api:Invoke", true)
                    || !matchesAny(values(statement, "Resource"), methodArn, false)) {
                continue;
            }
            String effect = field(statement, "Effect").asText("");
            if (effect.equalsIgnoreCase("Deny")) {
                return Effect.EXPLICIT_DENY;
            }
            if (effect.equalsIgnoreCase("Allow")) {
                allowed = true;
            }
        }
        return allowed ? Effect.ALLOW : Effect.IMPLICIT_DENY;
    }

    private static List<JsonNode> statements(JsonNode policyDocument) {
        JsonNode statement = field(policyDocument, "Statement");
        List<JsonNode> out = new ArrayList<>();
        if (statement.isArray()) {
            statement.forEach(out::add);
        } else if (statement.isObject()) {
            out.add(statement);
        }
        return out;
    }

    private static List<String> values(JsonNode statement, String name) {
        JsonNode value = field(statement, name);
        List<String> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> out.add(v.asText()));
        } else if (value.isTextual()) {
            out.add(value.asText());
        }
        return out;
    }

    private static boolean matchesAny(List<String> globs, String value, boolean ignoreCase) {
        for (String glob : globs) {
            if (ignoreCase ? ArnGlob.matches(glob.toLowerCase(Locale.ROOT), value.toLowerCase(Locale.ROOT))
                    : ArnGlob.matches(glob, value)) {
                return true;
            }
        }
        return false;
    }

    /** A field by name, any case ("Statement", "statement"): authorizers in the wild write both. */
    static JsonNode field(JsonNode node, String name) {
        JsonNode exact = node.path(name);
        if (!exact.isMissingNode()) {
            return exact;
        }
        var names = node.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return node.path(candidate);
            }
        }
        return exact;
    }
}
