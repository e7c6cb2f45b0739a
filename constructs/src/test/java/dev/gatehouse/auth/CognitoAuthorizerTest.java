package dev.gatehouse.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.services.cognito.IUserPool;

/** CognitoAuthorizer's argument checks (its rendering is tested in AuthorizersTest). */
class CognitoAuthorizerTest {

    @Test
    void aNullUserPoolIsNamedNotANullPointerException() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CognitoAuthorizer.of((IUserPool) null));
        assertEquals("CognitoAuthorizer.of(...): user pool 1 of 1 is null. Pass the pool's construct, or "
                + "UserPool.fromUserPoolId(this, \"Pool\", \"us-east-1_AbCdEf123\") for an existing one.", e.getMessage());
    }

    @Test
    void aNullArrayIsNamedToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CognitoAuthorizer.of((IUserPool[]) null));
        assertEquals("CognitoAuthorizer.of(...): no user pools were given (null). Pass the pools whose tokens the "
                + "routes accept, e.g. CognitoAuthorizer.of(userPool), or UserPool.fromUserPoolId(this, \"Pool\", "
                + "\"us-east-1_AbCdEf123\") for an existing one.", e.getMessage());
    }

    @Test
    void noUserPoolAtAll() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, CognitoAuthorizer::of);
        assertEquals("CognitoAuthorizer needs at least one user pool.", e.getMessage());
    }
}
