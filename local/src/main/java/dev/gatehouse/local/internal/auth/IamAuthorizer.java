package dev.gatehouse.local.internal.auth;

import dev.gatehouse.local.internal.assembly.LocalValues;
import dev.gatehouse.local.internal.pipeline.Exchange;
import dev.gatehouse.local.internal.pipeline.GatewayError;
import dev.gatehouse.local.internal.pipeline.ResponseType;

/**
 * IAM (SigV4) authorization. A request without a SigV4 Authorization header (or presigned query)
 * gets API Gateway's 403 Missing Authentication Token. A signed request is admitted as the
 * configured local principal: the signature is not checked (there are no AWS credentials
 * locally to check it against), and no IAM policy is evaluated.
 */
final class IamAuthorizer implements Authorizer {
    private final String principalArn;

    IamAuthorizer(String principalArn) {
        this.principalArn = principalArn;
    }

    @Override
    public void authorize(Exchange exchange) throws GatewayError {
        String accessKey = SigV4Signature.accessKey(exchange.request())
                .orElseThrow(() -> new GatewayError(ResponseType.MISSING_AUTHENTICATION_TOKEN));
        String userId = "AIDA" + Integer.toHexString(principalArn.hashCode()).toUpperCase(java.util.Locale.ROOT);
        exchange.identity().put("accountId", LocalValues.ACCOUNT);
        exchange.identity().put("accessKey", accessKey);
        exchange.identity().put("caller", userId);
        exchange.identity().put("user", userId);
        exchange.identity().put("userArn", principalArn);
    }
}
