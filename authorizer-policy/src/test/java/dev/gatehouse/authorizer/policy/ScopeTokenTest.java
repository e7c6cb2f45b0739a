package dev.gatehouse.authorizer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Required scopes are RFC 6749 scope tokens: %x21 / %x23-5B / %x5D-7E, at least one. */
class ScopeTokenTest {

    @Test
    void everyCharacterRfc6749AllowsIsAccepted() {
        // the boundaries of each allowed range, and typical scopes
        for (String scope : List.of("!", "#", "[", "]", "~", "orders:read", "https://api.example.com/orders.read",
                "profile/read", "a!#$%&'()*+,-./:;<=>?@[]^_`{|}~z")) {
            assertTrue(RouteScopes.isScopeToken(scope), scope);
        }
    }

    @Test
    void spaceQuoteBackslashControlAndNonAsciiAreRefused() {
        for (String scope : List.of("orders read", "say\"what\"", "back\\slash", "tab\there", "\u007f", "caf\u00e9",
                "\u0080", " ", "")) {
            assertFalse(RouteScopes.isScopeToken(scope), scope);
        }
        assertFalse(RouteScopes.isScopeToken(null));
    }

    @Test
    void theBuilderRefusesAScopeThatIsNotAToken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RouteScopes.builder().route("GET /orders", "orders read"));
        assertEquals("route 'GET /orders' requires the scope 'orders read', which is not an RFC 6749 scope token (one"
                + " or more printable ASCII characters other than space, '\"' and '\\')", e.getMessage());
    }
}
