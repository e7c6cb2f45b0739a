package dev.gatehouse.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Identity sources are written as API Gateway names them. */
class IdentitySourcesTest {
    @Test
    void eachSourceIsNamedAsApiGatewayNamesIt() {
        assertEquals("method.request.header.X-Session", IdentitySources.header("X-Session"));
        assertEquals("method.request.querystring.tenant", IdentitySources.queryString("tenant"));
        assertEquals("stageVariables.realm", IdentitySources.stageVariable("realm"));
        assertEquals("context.identity.sourceIp", IdentitySources.context("identity.sourceIp"));
    }

    @Test
    void aSourceWithoutANameIsRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdentitySources.header(" "));
        assertEquals("An identity source needs a name, e.g. IdentitySources.header(\"Authorization\").", e.getMessage());
    }
}
