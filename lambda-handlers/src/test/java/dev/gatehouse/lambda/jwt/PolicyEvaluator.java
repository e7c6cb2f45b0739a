package dev.gatehouse.lambda.jwt;

import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.util.List;
import java.util.Map;
import dev.gatehouse.authorizer.policy.GlobOracle;

/**
 * Evaluates a Lambda authorizer's policy for a concrete method ARN the way API Gateway does:
 * an explicit Deny wins, otherwise an Allow grants, otherwise denied; in resources {@code *}
 * matches any string (including '/') and {@code ?} one character, through {@link GlobOracle}, which
 * is written independently of the production matcher.
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {}

    public static boolean allows(IamPolicyResponse response, String methodArn) {
        boolean allowed = false;
        for (Map<String, Object> statement : statements(response)) {
            if (!"execute-api:Invoke".equals(statement.get("Action"))) {
                continue;
            }
            boolean matches = false;
            for (Object resource : resources(statement)) {
                if (GlobOracle.matches((String) resource, methodArn)) {
                    matches = true;
                }
            }
            if (matches && "Deny".equals(statement.get("Effect"))) {
                return false;
            }
            if (matches && "Allow".equals(statement.get("Effect"))) {
                allowed = true;
            }
        }
        return allowed;
    }

    /** Same, for a glob over {@code METHOD/path} strings. */
    public static boolean globMatches(String glob, String value) {
        return GlobOracle.matches(glob, value);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statements(IamPolicyResponse response) {
        Object raw = response.getPolicyDocument().get("Statement");
        return raw instanceof Object[] array ? List.of((Map<String, Object>[]) array) : (List<Map<String, Object>>) raw;
    }

    static List<?> resources(Map<String, Object> statement) {
        Object resource = statement.get("Resource");
        if (resource instanceof String s) {
            return List.of(s);
        }
        if (resource instanceof Object[] array) {
            return List.of(array);
        }
        return (List<?>) resource;
    }
}
