package dev.gatehouse.local.internal.auth;

import dev.gatehouse.local.internal.http.GatewayRequest;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a request is signed with Signature Version 4: an {@code Authorization} header
 * {@code AWS4-HMAC-SHA256 Credential=KEY/...}, or a presigned query string with
 * {@code X-Amz-Credential}. Only the form is read; the signature is not verified (there are no
 * AWS credentials locally to verify it against).
 */
public final class SigV4Signature {
    private SigV4Signature() {
    }

    /** The access key id the request is signed with, when it is signed. */
    public static Optional<String> accessKey(GatewayRequest request) {
        String authorization = request.headers().last("Authorization");
        String accessKey = null;
        if (authorization != null && authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            int credential = authorization.indexOf("Credential=");
            if (credential >= 0) {
                int end = authorization.indexOf('/', credential);
                accessKey = end < 0 ? null : authorization.substring(credential + "Credential=".length(), end);
            }
        } else {
            for (Map.Entry<String, String> parameter : request.queryParameters()) {
                if (parameter.getKey().equals("X-Amz-Credential")) {
                    int end = parameter.getValue().indexOf('/');
                    accessKey = end < 0 ? parameter.getValue() : parameter.getValue().substring(0, end);
                }
            }
        }
        return accessKey == null || accessKey.isEmpty() ? Optional.empty() : Optional.of(accessKey);
    }
}
