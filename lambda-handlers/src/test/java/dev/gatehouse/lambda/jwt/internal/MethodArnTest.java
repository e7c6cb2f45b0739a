package dev.gatehouse.lambda.jwt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MethodArnTest {
    private static final String PREFIX = "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/";

    @Test
    void splitsPrefixMethodAndPath() {
        MethodArn arn = MethodArn.parse(PREFIX + "GET/orders/1");
        assertEquals(PREFIX, arn.prefix());
        assertEquals("GET", arn.method());
        assertEquals("/orders/1", arn.path());
        assertEquals("GET/orders/1", arn.suffix());
        assertFalse(arn.hasWildcards());
    }

    @Test
    void theRootHasNoTrailingPath() {
        MethodArn root = MethodArn.parse(PREFIX + "GET");
        assertEquals("/", root.path());
        assertEquals("GET/", root.suffix());
        assertEquals("/", MethodArn.parse(PREFIX + "GET/").path());
    }

    @Test
    void wildcardsInThePathAreReported() {
        assertTrue(MethodArn.parse(PREFIX + "GET/files/*").hasWildcards());
        assertTrue(MethodArn.parse(PREFIX + "GET/files/?").hasWildcards());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod",
        "arn:aws:execute-api:eu-west-1:123456789012:*/prod/GET/x",
        "arn:aws:execute-api:eu-west-1:123456789012:abc/pr?d/GET/x",
        "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/FETCH/x",
        "arn:aws:execute-api:eu-west-1:123456789012:/prod/GET/x",
        "arn:aws:execute-api:eu-west-1:123456789012:abc//GET/x",
        "arn:aws:lambda:eu-west-1:123456789012:abc/prod/GET/x",
        "arn::execute-api:eu-west-1:123456789012:abc/prod/GET/x",
        "arn:aws:execute-api::123456789012:abc/prod/GET/x",
        "arn:aws:execute-api:eu-west-1::abc/prod/GET/x",
        "arn:aws:execute-api:eu-west-1",
        "urn:aws:execute-api:eu-west-1:123456789012:abc/prod/GET/x",
    })
    void refusesWhatIsNotAMethodArnOrWouldWidenThePolicy(String arn) {
        assertNull(MethodArn.parse(arn));
    }

    @Test
    void nullIsNotAnArn() {
        assertNull(MethodArn.parse(null));
    }
}
