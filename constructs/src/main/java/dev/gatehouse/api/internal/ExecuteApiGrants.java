package dev.gatehouse.api.internal;

import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;

/**
 * IAM grants of execute-api actions ({@code execute-api:Invoke}, {@code execute-api:InvalidateCache})
 * on routes of an API's stage, the routes named as declared.
 */
public final class ExecuteApiGrants {
    /** A route named as declared, {@code "GET /orders/{id}"}: a method and a path starting with '/'. */
    public record Named(HttpMethod method, String path) {
    }

    private final GatewayApi api;

    public ExecuteApiGrants(GatewayApi api) {
        this.api = api;
    }

    /** The method and path of {@code spec}, or empty when it is not "METHOD /path". */
    public static Optional<Named> parse(String spec) {
        String[] parts = spec == null ? new String[0] : spec.trim().split("\\s+");
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            return Optional.empty();
        }
        return HttpMethod.parse(parts[0]).map(method -> new Named(method, parts[1]));
    }

    /**
     * Grants {@code action} on the routes {@code routeSpecs} of the API's stage to {@code grantee};
     * path variables match any value, an ANY route any method.
     */
    public Grant grant(IGrantable grantee, String action, String... routeSpecs) {
        String where = "GatewayApi '" + api.getNode().getPath() + "': ";
        if (routeSpecs.length == 0) {
            throw new IllegalArgumentException(where + "granting " + action + " needs at least one route, e.g. "
                    + "\"GET /orders/{id}\".");
        }
        List<String> arns = new ArrayList<>();
        for (String spec : routeSpecs) {
            Named named = parse(spec).orElseThrow(() -> new IllegalArgumentException(where + "'" + spec
                    + "' is not a route; write it as declared, e.g. \"GET /orders/{id}\"."));
            String path = named.path().replaceAll("\\{[^}]*}", "*");
            arns.add(api.arnForExecuteApi(named.method() == HttpMethod.ANY ? "*" : named.method().name(), path,
                    api.getStageName()));
        }
        return Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(List.of(action))
                .resourceArns(arns)
                .build());
    }
}
