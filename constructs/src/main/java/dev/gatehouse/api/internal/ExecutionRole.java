package dev.gatehouse.api.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The one IAM role an API's AWS-service and Step Functions integrations call their targets with
 * ({@code credentials}): created when a route first needs it, assumed by API Gateway, with one
 * inline policy statement per target and action. A statement's resources are the target's ARNs
 * the routes use (a table and its indexes), so the policy grows with targets, never with routes,
 * and the role is one CloudFormation resource whatever the number of routes.
 */
public final class ExecutionRole {
    /** The role's construct id under the API. */
    public static final String ID = "ExecutionRole";

    private final Construct api;
    private final String apiName;
    private final Map<String, PolicyStatement> statements = new HashMap<>();
    private PolicyDocument policy;
    private Role role;

    public ExecutionRole(Construct api, String apiName) {
        this.api = api;
        this.apiName = apiName;
    }

    /**
     * Allows {@code action} on {@code resourceArn}, in the statement of that action on
     * {@code target}; returns the role's ARN.
     */
    public String allow(IConstruct target, String action, String resourceArn) {
        if (role == null) {
            policy = PolicyDocument.Builder.create().minimize(false).build();
            role = Role.Builder.create(api, ID)
                    .assumedBy(new ServicePrincipal("apigateway.amazonaws.com"))
                    .description("Lets API Gateway call the AWS services routed to by " + apiName)
                    .inlinePolicies(Map.of("Integrations", policy))
                    .build();
        }
        String key = target.getNode().getPath() + " " + action;
        PolicyStatement statement = statements.get(key);
        if (statement == null) {
            statement = PolicyStatement.Builder.create()
                    .effect(Effect.ALLOW)
                    .actions(List.of(action))
                    .resources(List.of(resourceArn))
                    .build();
            statements.put(key, statement);
            policy.addStatements(statement);
        } else if (!statement.getResources().contains(resourceArn)) {
            statement.addResources(resourceArn);
        }
        return role.getRoleArn();
    }

    /** The role, or null while no route has needed it. */
    public Role role() {
        return role;
    }
}
