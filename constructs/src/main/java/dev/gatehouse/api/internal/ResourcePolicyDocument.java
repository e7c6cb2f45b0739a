package dev.gatehouse.api.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awscdk.Aws;

/**
 * Renders an API's resource policy.
 *
 * <p>API Gateway lets a same-account caller through an IAM-authorized route when either its IAM
 * policy or the resource policy allows it. A blanket {@code Allow *} would therefore let any
 * signed principal of the account call IAM routes without {@code execute-api:Invoke}. So when the
 * API has IAM routes the blanket allow goes to the account (deferring to IAM policies), and
 * principal {@code *} is allowed only on the other routes.
 */
public final class ResourcePolicyDocument {
    private static final Pattern IPV4_CIDR = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)(/(3[0-2]|[12]?\\d))?");
    private static final String INVOKE = "execute-api:Invoke";
    private static final String EVERY_ROUTE = "execute-api:/*";

    private ResourcePolicyDocument() {
    }

    /** The policy's inputs, with statements already in policy-JSON form. */
    public record Input(List<String> allowSourceIps, List<String> denySourceIps, List<String> vpcEndpointIds,
            boolean privateApi, boolean hasIamRoutes, List<String> otherRouteResources, List<Object> extraStatements) {
    }

    public static Map<String, Object> render(Input input) {
        List<Object> statements = new ArrayList<>();
        if (!input.hasIamRoutes()) {
            statements.add(statement("Allow", "*", EVERY_ROUTE, null));
        } else {
            statements.add(statement("Allow", Map.of("AWS", "arn:" + Aws.PARTITION + ":iam::" + Aws.ACCOUNT_ID + ":root"),
                    EVERY_ROUTE, null));
            if (!input.otherRouteResources().isEmpty()) {
                statements.add(statement("Allow", "*", input.otherRouteResources(), null));
            }
        }
        // Through an interface VPC endpoint the caller's address is aws:VpcSourceIp; aws:SourceIp
        // is not set, so a NotIpAddress on it would deny every request to a private API.
        String ipKey = input.privateApi() ? "aws:VpcSourceIp" : "aws:SourceIp";
        if (!input.allowSourceIps().isEmpty()) {
            statements.add(statement("Deny", "*", EVERY_ROUTE,
                    Map.of("NotIpAddress", Map.of(ipKey, input.allowSourceIps()))));
        }
        if (!input.denySourceIps().isEmpty()) {
            statements.add(statement("Deny", "*", EVERY_ROUTE,
                    Map.of("IpAddress", Map.of(ipKey, input.denySourceIps()))));
        }
        if (!input.vpcEndpointIds().isEmpty()) {
            statements.add(statement("Deny", "*", EVERY_ROUTE,
                    Map.of("StringNotEquals", Map.of("aws:SourceVpce", input.vpcEndpointIds()))));
        }
        statements.addAll(input.extraStatements());
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Version", "2012-10-17");
        policy.put("Statement", statements);
        return policy;
    }

    /** True for an IPv4 or IPv6 address or CIDR range that IAM's aws:SourceIp accepts. */
    public static boolean isCidr(String value) {
        if (value == null) {
            return false;
        }
        if (IPV4_CIDR.matcher(value).matches()) {
            return true;
        }
        String[] parts = value.split("/", -1);
        if (parts.length > 2 || !parts[0].contains(":") || !parts[0].matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        if (parts.length == 2 && !parts[1].matches("\\d{1,3}") || parts.length == 2 && Integer.parseInt(parts[1]) > 128) {
            return false;
        }
        try {
            InetAddress.getByName(parts[0]);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Map<String, Object> statement(String effect, Object principal, Object resource,
            Map<String, Object> condition) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", effect);
        statement.put("Principal", principal);
        statement.put("Action", INVOKE);
        statement.put("Resource", resource);
        if (condition != null) {
            statement.put("Condition", condition);
        }
        return statement;
    }
}
