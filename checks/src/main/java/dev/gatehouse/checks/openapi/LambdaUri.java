package dev.gatehouse.checks.openapi;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda invocation URI as API Gateway accepts it in an integration or an authorizer, read from
 * a rendered document ({@link DeployTimeValues}):
 *
 * <ul>
 *   <li>{@code arn:{partition}:apigateway:{region}:lambda:path/2015-03-31/functions/{function}/invocations};</li>
 *   <li>{@code arn:{partition}:apigateway:{region}:lambda:path/2021-11-15/functions/{function}/response-streaming-invocations},
 *       Lambda's InvokeWithResponseStream, for response streaming.</li>
 * </ul>
 *
 * The function is the ARN of a function (optionally with a version or alias qualifier), of a
 * version or of an alias: a literal ARN, whose name and qualifier may be stage variables
 * ({@code function:${stageVariables.fn}}) or the name {@code Ref} gives; or a deploy-time ARN
 * ({@code Fn::GetAtt X.Arn}, the {@code Ref} of a version or alias), optionally followed by a
 * qualifier ({@code ${Fn.Arn}:live}).
 *
 * @param function the function part, as rendered
 * @param streaming true for the response-streaming form
 */
record LambdaUri(String function, boolean streaming) {
    private static final Pattern URI = Pattern.compile("arn:[^:]+:apigateway:[^:]+:lambda:path/"
            + "(?:2015-03-31/functions/(.+)/invocations|2021-11-15/functions/(.+)/response-streaming-invocations)");
    private static final String STAGE_VARIABLE = "\\$\\{stageVariables\\.[A-Za-z0-9_]+}";
    /** A placeholder for a name: what Ref of a function returns, or a value from outside the template. */
    private static final String NAME_VALUE = "\\{\\{(?:ref:AWS::Lambda::Function|value):[^}]*}}";
    private static final String NAME = "(?:[A-Za-z0-9_-]|" + STAGE_VARIABLE + "|" + NAME_VALUE + ")+";
    private static final String QUALIFIER = "(?::(?:[A-Za-z0-9$_-]|" + STAGE_VARIABLE + "|" + NAME_VALUE + ")+)?";
    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "arn:[a-z0-9-]+:lambda:[a-z0-9-]+:\\d{12}:function:" + NAME + QUALIFIER);
    private static final Pattern DEPLOY_TIME_ARN = Pattern.compile("(\\{\\{[^}]*}})" + QUALIFIER);

    /** The URI's parts, or empty when {@code uri} has neither form. */
    static Optional<LambdaUri> parse(String uri) {
        Matcher m = URI.matcher(uri);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? new LambdaUri(m.group(1), false) : new LambdaUri(m.group(2), true));
    }

    /** What is wrong with the function part, or empty when API Gateway can invoke it. */
    Optional<String> functionProblem() {
        if (FUNCTION_ARN.matcher(function).matches()) {
            return Optional.empty();
        }
        Matcher m = DEPLOY_TIME_ARN.matcher(function);
        DeployTimeValues.Placeholder value = m.matches() ? DeployTimeValues.placeholder(m.group(1)) : null;
        if (value == null) {
            return Optional.of("'" + function + "' is not a Lambda function ARN (arn:aws:lambda:{region}:{account}:"
                    + "function:{name}, optionally :{alias or version}).");
        }
        if (value.unknown()) {
            return Optional.empty();
        }
        if (value.kind().equals("ref") && value.resourceType().equals("AWS::Lambda::Function")) {
            return Optional.of("the function is given as Ref " + value.name() + ", which is its name; API Gateway needs "
                    + "its ARN: use Fn::GetAtt " + value.name() + ".Arn.");
        }
        if (!value.kind().equals("arn") || !value.resourceType().startsWith("AWS::Lambda::")) {
            return Optional.of("the function is given as the " + value.kind() + " of " + value.name() + " ("
                    + value.resourceType() + "), not as the ARN of a Lambda function, version or alias.");
        }
        return Optional.empty();
    }
}
