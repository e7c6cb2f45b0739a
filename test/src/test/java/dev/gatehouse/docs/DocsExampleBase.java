package dev.gatehouse.docs;

import dev.gatehouse.api.GatewayApi;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

/**
 * The context a statement snippet of the docs is compiled in: the body of a Stack's constructor,
 * with a function named {@code ordersFunction} and an API named {@code api} at hand (a snippet
 * may declare its own {@code api}, which shadows this one).
 */
public abstract class DocsExampleBase extends Stack {
    protected final Function ordersFunction;
    protected final GatewayApi api;

    protected DocsExampleBase(Construct scope) {
        super(scope, "DocsExample");
        ordersFunction = Function.Builder.create(this, "Orders")
                .runtime(Runtime.NODEJS_22_X)
                .handler("index.handler")
                .code(Code.fromInline("exports.handler = async () => ({ statusCode: 200 });"))
                .build();
        api = new GatewayApi(this, "ExampleApi");
    }
}
