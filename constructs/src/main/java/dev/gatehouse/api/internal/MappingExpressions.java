package dev.gatehouse.api.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms of API Gateway's parameter mapping expressions for REST APIs
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-parameter-mapping-sources.html).
 * A name matches {@code ^[a-zA-Z0-9._$-]+$}, the expression AWS gives for them; a static value is
 * a string in single quotes (there is no escape for a quote inside it).
 */
final class MappingExpressions {
    static final String NAME = "[a-zA-Z0-9._$-]+";
    static final Pattern NAME_PATTERN = Pattern.compile(NAME);
    private static final String LOCATIONS = "(path|querystring|header|multivaluequerystring|multivalueheader)";
    private static final String SHARED_SOURCES = "'[^']*'|context\\." + NAME + "|stageVariables\\.[A-Za-z0-9_]+";

    /** {@code integration.request.<location>.<name>}. */
    static final Pattern REQUEST_TARGET = Pattern.compile("integration\\.request\\." + LOCATIONS + "\\.(" + NAME + ")");
    /** {@code method.request.<location>.<name>}: group 1 the location, group 2 the name. */
    static final Pattern METHOD_REQUEST_PARAMETER = Pattern.compile("method\\.request\\." + LOCATIONS + "\\.(" + NAME + ")");
    private static final Pattern OTHER_REQUEST_SOURCE = Pattern.compile(
            "method\\.request\\.body(\\.\\S+)?|" + SHARED_SOURCES);
    /** {@code method.response.header.<name>}: group 1 the header. */
    static final Pattern RESPONSE_TARGET = Pattern.compile("method\\.response\\.header\\.(" + NAME + ")");
    private static final Pattern RESPONSE_SOURCE = Pattern.compile(
            "integration\\.response\\.(header|multivalueheader)\\." + NAME + "|integration\\.response\\.body(\\.\\S+)?|"
                    + SHARED_SOURCES);

    private MappingExpressions() {
    }

    /** The method request parameter a source names, or null when it names none. */
    static Matcher methodParameter(String source) {
        Matcher m = METHOD_REQUEST_PARAMETER.matcher(literal(source));
        return m.matches() ? m : null;
    }

    static boolean isRequestTarget(String target) {
        return REQUEST_TARGET.matcher(literal(target)).matches();
    }

    static boolean isRequestSource(String source) {
        String literal = literal(source);
        return METHOD_REQUEST_PARAMETER.matcher(literal).matches() || OTHER_REQUEST_SOURCE.matcher(literal).matches();
    }

    static boolean isResponseSource(String source) {
        return RESPONSE_SOURCE.matcher(literal(source)).matches();
    }

    /** Deploy-time values stand for a value of the right form. */
    private static String literal(String expression) {
        return Tokens.replaceTokens(expression, "token");
    }
}
