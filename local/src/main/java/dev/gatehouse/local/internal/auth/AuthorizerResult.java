package dev.gatehouse.local.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What a Lambda authorizer returned: its principal, policy, context values and the API key for
 * usage plans (usageIdentifierKey, or null).
 */
record AuthorizerResult(String principalId, JsonNode policyDocument, Map<String, Object> context,
        String usageIdentifierKey) {
}
