package dev.gatehouse.integrations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.internal.Tokens;
import dev.gatehouse.rules.Rules;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {name}} variables of a backend URL, each filled from the route's path variable of the
 * same name through {@code requestParameters} (rule GH201).
 */
final class UrlVariables {
    /** A {@code {name}} (or {@code {name+}}) placeholder. */
    static final Pattern VARIABLE = Pattern.compile("\\{([^{}/]+)\\}");

    private UrlVariables() {
    }

    /**
     * Writes {@code integration.request.path.<name>} for each variable of {@code url} into
     * {@code integration}'s {@code requestParameters}; reports those the route does not have.
     */
    static void map(String url, IntegrationContext context, ObjectNode integration) {
        Set<String> variables = of(url);
        if (variables.isEmpty()) {
            return;
        }
        ObjectNode parameters = integration.putObject("requestParameters");
        List<String> routeVariables = context.getRoute().getPathVariables();
        for (String variable : variables) {
            if (!routeVariables.contains(variable)) {
                context.report(Rules.HTTP_URL_VARIABLES,
                        "the backend URL uses {" + variable + "}, which is not a path variable of the route.",
                        routeVariables.isEmpty()
                                ? "remove {" + variable + "} from the URL, or add it to the route path."
                                : "use one of the route's variables " + routeVariables
                                        + " in the URL, or add {" + variable + "} to the route path.");
                continue;
            }
            parameters.put("integration.request.path." + variable, "method.request.path." + variable);
        }
    }

    /** The variable names in the literal parts of {@code url}, in order ({@code {name+}} gives name). */
    private static Set<String> of(String url) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(Tokens.replaceTokens(url, ""));
        while (m.find()) {
            String name = m.group(1);
            names.add(name.endsWith("+") ? name.substring(0, name.length() - 1) : name);
        }
        return names;
    }
}
