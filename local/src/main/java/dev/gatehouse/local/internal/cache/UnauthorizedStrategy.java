package dev.gatehouse.local.internal.cache;

import java.util.Locale;

/**
 * What API Gateway does with a {@code Cache-Control: max-age=0} request from a caller who may not
 * invalidate the cache (a method setting's {@code unauthorizedCacheControlHeaderStrategy},
 * https://docs.aws.amazon.com/apigateway/latest/api/API_MethodSetting.html).
 */
public enum UnauthorizedStrategy {
    /** The request is refused with 403. */
    FAIL_WITH_403,
    /** The header is ignored (the cached response is served) and a warning header is added. */
    SUCCEED_WITH_RESPONSE_HEADER,
    /** The header is ignored silently. */
    SUCCEED_WITHOUT_RESPONSE_HEADER;

    /** The strategy a setting names; API Gateway's default for a stage CloudFormation created when it names none. */
    static UnauthorizedStrategy of(String name) {
        if (name == null || name.isBlank()) {
            return SUCCEED_WITH_RESPONSE_HEADER;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unauthorizedCacheControlHeaderStrategy '" + name + "' is none of "
                    + java.util.Arrays.toString(values()), e);
        }
    }
}
