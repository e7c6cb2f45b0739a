package dev.gatehouse.local.internal.lambda;

import java.util.Map;

/**
 * Variables the local gateway sets over a function's own, so that it reaches local stand-ins of
 * what it would use on AWS (the development issuer's keys, a local database).
 */
public interface EnvironmentOverride {
    /** The variables to set for this function (empty for none). */
    Map<String, String> variables(FunctionSpec function);
}
