package dev.gatehouse.api.internal;

import dev.gatehouse.integrations.LambdaTarget;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.ICfnConditionExpression;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.CfnPermission;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.lambda.SingletonFunction;
import software.amazon.awscdk.services.lambda.Version;
import software.constructs.Construct;

/**
 * The Lambda permissions of one API: one {@code AWS::Lambda::Permission} per function and purpose
 * (routes, authorizers), whatever the number of routes. A function of this stack is granted from
 * the function; one of another stack, or imported, from the API's stack, under a condition when
 * the stack's environment is only known at deployment (rule GH205 when it is elsewhere).
 */
public final class InvokePermissions {
    private static final String API_GATEWAY_PRINCIPAL = "apigateway.amazonaws.com";

    private final Construct api;
    private final String apiName;
    private final Findings findings;
    private final Supplier<String> routesSourceArn;
    private final Supplier<String> authorizersSourceArn;
    private final Map<IFunction, LambdaTarget> targets = new IdentityHashMap<>();
    private final Set<String> foreignFunctionsReported = new HashSet<>();
    private final Set<String> grants = new HashSet<>();

    /**
     * @param api the API construct, scope of the permissions created in its stack
     * @param routesSourceArn the execute-api ARN of every route of the API
     * @param authorizersSourceArn the execute-api ARN of the API's authorizers
     */
    public InvokePermissions(Construct api, String apiName, Findings findings, Supplier<String> routesSourceArn,
            Supplier<String> authorizersSourceArn) {
        this.api = api;
        this.apiName = apiName;
        this.findings = findings;
        this.routesSourceArn = routesSourceArn;
        this.authorizersSourceArn = authorizersSourceArn;
    }

    /** Lets the API's routes invoke {@code function}; once per function. */
    public void allowInvoke(IFunction function) {
        permit(function, routesSourceArn.get(), "Invoke");
    }

    /** Lets the API's Lambda authorizers invoke {@code function}; once per function. */
    public void allowAuthorizerInvoke(IFunction function) {
        permit(function, authorizersSourceArn.get(), "Authorize");
    }

    /** Grants invoke once per function and remembers what routes need, saving jsii calls. */
    public LambdaTarget target(IFunction function) {
        return targets.computeIfAbsent(function, f -> {
            allowInvoke(f);
            String arn = f.getFunctionArn();
            return new LambdaTarget(arn, LambdaUris.invocation(arn), f.getNode().getPath(),
                    SnapStartTargets.unqualifiedWithSnapStart(f));
        });
    }

    private void permit(IFunction function, String sourceArn, String purpose) {
        String functionPath = function.getNode().getPath();
        if (!grants.add(purpose + " " + functionPath)) {
            return;
        }
        boolean owned = function instanceof Function || function instanceof Version || function instanceof Alias
                || function instanceof SingletonFunction;
        if (owned && Stack.of(function) == Stack.of(api)) {
            function.addPermission(purpose + "By" + api.getNode().getAddr().substring(0, 10), Permission.builder()
                    .principal(new ServicePrincipal(API_GATEWAY_PRINCIPAL))
                    .action("lambda:InvokeFunction")
                    .sourceArn(sourceArn)
                    .build());
            return;
        }
        // In the API's stack: a function of another stack already exists (granting from there would
        // make that stack depend on this one: a cycle). For an imported function CDK's addPermission
        // only warns (UnclearLambdaEnvironment) and creates nothing unless it can prove the account
        // is the stack's, so grant here too, where the ARN shows the function can be granted.
        String id = purpose + Hashing.sha256Hex(functionPath).substring(0, 10);
        CfnCondition sameEnvironment = null;
        if (!owned) {
            String arn = function.getFunctionArn();
            Stack stack = Stack.of(api);
            List<ICfnConditionExpression> unknown = new ArrayList<>();
            List<String> elsewhere = new ArrayList<>();
            compareEnvironment("account", LambdaUris.literalSegment(arn, 4), stack.getAccount(), Aws.ACCOUNT_ID,
                    unknown, elsewhere);
            compareEnvironment("Region", LambdaUris.literalSegment(arn, 3), stack.getRegion(), Aws.REGION,
                    unknown, elsewhere);
            if (!elsewhere.isEmpty()) {
                if (foreignFunctionsReported.add(functionPath)) {
                    findings.report(Rules.IMPORTED_FUNCTION_PERMISSION, "GatewayApi '" + apiName + "'",
                            "the imported function " + arn + " is in another " + String.join(" and ", elsewhere)
                                    + ", where this stack cannot create a Lambda permission; until one exists, "
                                    + "what invokes it answers 500.",
                            "in the function's account and Region, run: aws lambda add-permission --function-name "
                                    + arn + " --statement-id " + id + " --action lambda:InvokeFunction "
                                    + "--principal " + API_GATEWAY_PRINCIPAL + " --source-arn arn:"
                                    + LambdaUris.literalSegment(arn, 1).orElse("aws") + ":execute-api:"
                                    + (Token.isUnresolved(stack.getRegion()) ? "<region>" : stack.getRegion()) + ":"
                                    + (Token.isUnresolved(stack.getAccount()) ? "<account>" : stack.getAccount())
                                    + ":<rest-api-id>/*");
                }
                return;
            }
            if (!unknown.isEmpty()) {
                // Environment-agnostic stack: the permission exists wherever the stack is deployed
                // into the function's own account and Region (elsewhere, its owner grants it).
                sameEnvironment = CfnCondition.Builder.create(api, id + "SameEnvironment")
                        .expression(unknown.size() == 1 ? unknown.get(0)
                                : Fn.conditionAnd(unknown.toArray(new ICfnConditionExpression[0])))
                        .build();
                if (foreignFunctionsReported.add(functionPath)) {
                    Annotations.of(api).addInfo("Gatehouse: the imported function " + arn + " gets its invoke "
                            + "permission only where this environment-agnostic stack is deployed into the function's "
                            + "own account and Region; elsewhere its owner must allow " + API_GATEWAY_PRINCIPAL
                            + " to invoke it (aws lambda add-permission), or what invokes it answers 500.");
                }
            }
        }
        CfnPermission permission = CfnPermission.Builder.create(api, id)
                .action("lambda:InvokeFunction")
                .functionName(function.getFunctionArn())
                .principal(API_GATEWAY_PRINCIPAL)
                .sourceArn(sourceArn)
                .build();
        if (sameEnvironment != null) {
            permission.getCfnOptions().setCondition(sameEnvironment);
        }
    }

    /**
     * Sorts one part of an imported function's environment: the same as the stack's (or a token,
     * taken to be), unknown until deployment (a condition), or elsewhere.
     */
    private static void compareEnvironment(String what, Optional<String> functions, String stacks, String pseudo,
            List<ICfnConditionExpression> unknown, List<String> elsewhere) {
        if (functions.isEmpty()) {
            return;
        }
        if (Token.isUnresolved(stacks)) {
            unknown.add(Fn.conditionEquals(pseudo, functions.get()));
        } else if (!stacks.equals(functions.get())) {
            elsewhere.add(what + " (" + functions.get() + ", this stack: " + stacks + ")");
        }
    }
}
