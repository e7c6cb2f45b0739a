package dev.gatehouse.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Who may call a route. Every route has one, given on the route or as the API's default:
 * Gatehouse has no implicit public routes.
 *
 * <p>In the OpenAPI document an authorization is a {@code securitySchemes} entry and the
 * operation's {@code security} requirement. Authorizers ({@code JwtAuthorizer},
 * {@code LambdaAuthorizer}, {@code CognitoAuthorizer}) hand out their own authorizations, e.g.
 * {@code jwt.requireScopes("orders:read")}.
 */
public abstract class Authorization {
    /** Security scheme name used for IAM (SigV4) authorization. */
    public static final String IAM_SCHEME = "sigv4";

    protected Authorization() {
    }

    /** Anyone may call the route: an explicit, reviewed decision to make it public. */
    public static Authorization none() {
        return Public.INSTANCE;
    }

    /**
     * Callers sign requests with AWS Signature Version 4 and need {@code execute-api:Invoke} on
     * the route (see {@link GatewayApi#grantInvoke}).
     */
    public static Authorization iam() {
        return Iam.INSTANCE;
    }

    /**
     * An authorization that needs credentials, bound by {@code binder}: how authorizers hand out
     * their authorizations. {@code description} is its {@code toString()}.
     */
    public static Authorization requiring(String description, Function<AuthorizationContext, AuthorizationConfig> binder) {
        Objects.requireNonNull(binder, "binder");
        return new Authorization() {
            @Override
            public boolean isPublic() {
                return false;
            }

            @Override
            public AuthorizationConfig bind(AuthorizationContext context) {
                return binder.apply(context);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /** True when the route is reachable without any credential. */
    public abstract boolean isPublic();

    /** Binds this authorization to one route: registers schemes and returns the requirement. */
    public abstract AuthorizationConfig bind(AuthorizationContext context);

    private static final class Public extends Authorization {
        static final Public INSTANCE = new Public();

        @Override
        public boolean isPublic() {
            return true;
        }

        @Override
        public AuthorizationConfig bind(AuthorizationContext context) {
            return AuthorizationConfig.none();
        }

        @Override
        public String toString() {
            return "none (public)";
        }
    }

    private static final class Iam extends Authorization {
        static final Iam INSTANCE = new Iam();

        @Override
        public boolean isPublic() {
            return false;
        }

        @Override
        public AuthorizationConfig bind(AuthorizationContext context) {
            String name = context.securityScheme(this, IAM_SCHEME, () -> {
                ObjectNode scheme = JsonNodeFactory.instance.objectNode();
                scheme.put("type", "apiKey");
                scheme.put("name", "Authorization");
                scheme.put("in", "header");
                scheme.put("x-amazon-apigateway-authtype", "awsSigv4");
                return scheme;
            });
            return AuthorizationConfig.of(name, List.of());
        }

        @Override
        public String toString() {
            return "IAM (SigV4)";
        }
    }
}
