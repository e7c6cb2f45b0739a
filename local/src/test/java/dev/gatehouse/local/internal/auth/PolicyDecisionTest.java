package dev.gatehouse.local.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PolicyDecisionTest {
    private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:abc/prod/GET/orders/7";

    private static JsonNode policy(String statements) throws Exception {
        return new ObjectMapper().readTree("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}");
    }

    @Test
    void wildcardsMatchAcrossSegmentsAndQuestionMarkOneCharacter() throws Exception {
        assertEquals(PolicyDecision.Effect.ALLOW, PolicyDecision.evaluate(policy(
                "{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:*:*:abc/*/GET/*\"}"), ARN));
        assertEquals(PolicyDecision.Effect.ALLOW, PolicyDecision.evaluate(policy(
                "{\"Effect\":\"Allow\",\"Action\":[\"execute-api:*\"],\"Resource\":[\"arn:aws:execute-api:us-east-1:123456789012:abc/prod/GET/orders/?\"]}"), ARN));
        assertEquals(PolicyDecision.Effect.IMPLICIT_DENY, PolicyDecision.evaluate(policy(
                "{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:us-east-1:123456789012:abc/prod/POST/*\"}"), ARN));
    }

    @Test
    void anExplicitDenyWinsOverAnyAllow() throws Exception {
        assertEquals(PolicyDecision.Effect.EXPLICIT_DENY, PolicyDecision.evaluate(policy(
                "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                        + "{\"Effect\":\"Deny\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:*:*:abc/prod/*/orders/*\"}"),
                ARN));
    }

    @Test
    void statementsForOtherActionsDoNotCount() throws Exception {
        assertEquals(PolicyDecision.Effect.IMPLICIT_DENY, PolicyDecision.evaluate(policy(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"), ARN));
    }
}
