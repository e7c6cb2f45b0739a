package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.GatewayApiProps;
import dev.gatehouse.auth.JwtAuthorizer;
import dev.gatehouse.auth.JwtAuthorizerProps;
import dev.gatehouse.database.DatabaseBackend;
import dev.gatehouse.database.DatabaseBackendProps;
import dev.gatehouse.integrations.GatewayVpcLink;
import dev.gatehouse.integrations.GatewayVpcLinkProps;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each construct's fluent Builder offers every property of its props interface. */
class BuildersMirrorPropsTest {

    private static Set<String> properties(Class<?> props) {
        return Arrays.stream(props.getMethods())
                .filter(m -> m.getName().startsWith("get") && m.getParameterCount() == 0)
                .map(m -> Introspector.decapitalize(m.getName().substring(3)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> builderMethods(Class<?> builder) {
        return Arrays.stream(builder.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void constructBuildersMirrorTheirProps() {
        for (List<Class<?>> pair : List.<List<Class<?>>>of(
                List.of(GatewayApiProps.class, GatewayApi.Builder.class),
                List.of(GatewayApiProps.class, GatewayApiProps.Builder.class),
                List.of(JwtAuthorizerProps.class, JwtAuthorizer.Builder.class),
                List.of(JwtAuthorizerProps.class, JwtAuthorizerProps.Builder.class),
                List.of(DatabaseBackendProps.class, DatabaseBackend.Builder.class),
                List.of(DatabaseBackendProps.class, DatabaseBackendProps.Builder.class),
                List.of(GatewayVpcLinkProps.class, GatewayVpcLink.Builder.class),
                List.of(GatewayVpcLinkProps.class, GatewayVpcLinkProps.Builder.class))) {
            Set<String> missing = properties(pair.get(0));
            missing.removeAll(builderMethods(pair.get(1)));
            assertEquals(Set.of(), missing, pair.get(1).getName() + " lacks setters for " + missing);
        }
    }
}
