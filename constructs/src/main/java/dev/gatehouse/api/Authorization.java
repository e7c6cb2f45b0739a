package dev.gatehouse.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Who may call a route. Every route needs one: Gatehouse has no implicit public routes.
 *
 * <p>In the OpenAPI document an authorization is a {@code securitySchemes} entry and the
 * operation's {@code security} requirement.
 */
public abstract class Authorization {
    /** Security scheme name used for IAM (SigV4) authorization. */
    public static final String IAM_SCHEME = "sigv4";

    Authorization() {
    }

    /** Anyone may call the route: an explicit, reviewed decision to make it public. */
    public static Authorization none() {
        return Public.INSTANCE;
    }

    /**
     * Callers sign requests with AWS Signature Version 4 and need {@code execute-api:Invoke} on
     * the route.
     */
    public static Authorization iam() {
        return Iam.INSTANCE;
    }

    /** True when the route is reachable without any credential. */
    public abstract boolean isPublic();

    /**
     * Name of the security scheme this authorization uses, or {@code null} for a public route.
     */
    public abstract String getSchemeName();

    /** The {@code components.securitySchemes} entry, or {@code null} for a public route. */
    public abstract ObjectNode securityScheme();

    /** Scopes the operation's security requirement lists (empty unless an authorizer uses them). */
    public List<String> getScopes() {
        return List.of();
    }

    private static final class Public extends Authorization {
        static final Public INSTANCE = new Public();

        @Override
        public boolean isPublic() {
            return true;
        }

        @Override
        public String getSchemeName() {
            return null;
        }

        @Override
        public ObjectNode securityScheme() {
            return null;
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
        public String getSchemeName() {
            return IAM_SCHEME;
        }

        @Override
        public ObjectNode securityScheme() {
            ObjectNode scheme = JsonNodeFactory.instance.objectNode();
            scheme.put("type", "apiKey");
            scheme.put("name", "Authorization");
            scheme.put("in", "header");
            scheme.put("x-amazon-apigateway-authtype", "awsSigv4");
            return scheme;
        }

        @Override
        public String toString() {
            return "IAM (SigV4)";
        }
    }
}
