package dev.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.BodyFormat;
import dev.gatehouse.api.CacheSettings;
import dev.gatehouse.api.DocumentLocation;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.api.StageSettings;
import dev.gatehouse.api.Throttle;
import dev.gatehouse.api.internal.BodyText;
import dev.gatehouse.api.internal.DocumentInS3;
import dev.gatehouse.api.internal.TemplateValues;
import dev.gatehouse.integrations.DynamoDbAction;
import dev.gatehouse.integrations.DynamoDbKeyValue;
import dev.gatehouse.integrations.DynamoDbRouteIntegrationOptions;
import dev.gatehouse.integrations.EventBridgeRouteIntegrationOptions;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.integrations.RouteIntegration;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;

/**
 * Synthesizes APIs of 10, 100 and 1,000 Lambda routes over 5 functions, with GatewayApi (its
 * defaults, the JSON-text opt-in, a mix of its seven integration kinds, some routes cached and
 * throttled, and the document forced into the template as an object Body) and with stock
 * aws-cdk-lib RestApi + LambdaIntegration, in one JVM, and prints resources, template bytes, where
 * the document went and synth time (median of several runs after a warm-up) or the error, what
 * 1,000 routes add to a 10-route synthesis, and the stage's method settings. Then 5,000 routes in
 * one stack, GatewayApi only: where the document goes, the template's size, the document asset's
 * size and the synth time.
 *
 * <p>Run: {@code ./mvnw -B -q -pl test -am -DskipTests -Pbench-routes verify}. Not a test: it asserts
 * nothing and its figures depend on the machine; the differences and ratios are what to compare.
 */
public final class RouteScaleBenchmark {
    private static final int FUNCTIONS = 5;
    private static final int[] ROUTE_COUNTS = {10, 100, 1000};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE"};
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What 1,000 routes may add to a 10-route synthesis with the default settings. */
    static final long ADDED_MILLIS_GOAL = 1_000;

    private RouteScaleBenchmark() {
    }

    /**
     * What one synthesis produced: its time, resources, template bytes, and the stage's method
     * settings (entries and their bytes as JSON), or the error.
     *
     * @param document where the RestApi's document is ({@code Body} or {@code BodyS3Location}), or "-"
     * @param assetBytes the size of the document asset in the cloud assembly (0 when in the template)
     */
    record Result(long millis, int resources, long templateBytes, int methodSettings, long methodSettingsBytes,
            String error, String document, long assetBytes) {
        Result(long millis, int resources, long templateBytes, int methodSettings, long methodSettingsBytes,
                String error) {
            this(millis, resources, templateBytes, methodSettings, methodSettingsBytes, error, "-", 0);
        }
    }

    interface Variant {
        String name();

        void define(Stack stack, List<Function> functions, int routes);
    }

    static final Variant GATEHOUSE = gatehouse("Gatehouse GatewayApi (the defaults)", null, null);
    static final Variant GATEHOUSE_INLINE = gatehouse("Gatehouse, documentLocation INLINE (object Body)", null,
            DocumentLocation.INLINE);
    static final Variant GATEHOUSE_TEXT = gatehouse("Gatehouse, bodyFormat JSON_TEXT (opt-in)", BodyFormat.JSON_TEXT, null);
    /** The route count of the large run: one stack of 5,000 routes. */
    static final int LARGE = 5_000;

    /**
     * GatewayApi with a 0.5 GB cache cluster: every 8th route (a GET) cached, shared across callers
     * (the routes are IAM routes), and every 16th route throttled, half of them cached ones, whose
     * throttle and caching share one method settings entry.
     */
    static final Variant GATEHOUSE_CACHED = new Variant() {
        public String name() {
            return "Gatehouse, 1 in 8 routes cached, 1 in 16 throttled";
        }

        public void define(Stack stack, List<Function> functions, int routes) {
            GatewayApi api = GatewayApi.Builder.create(stack, "Api")
                    .stage(StageSettings.builder().cacheClusterSize("0.5").build()).build();
            for (int i = 0; i < routes; i++) {
                RouteOptions.Builder options = RouteOptions.builder().authorization(Authorization.iam());
                if (i % 8 == 0) {
                    options.caching(CacheSettings.builder().enabled(true).sharedAcrossCallers(true)
                            .ttl(Duration.minutes(1)).build());
                }
                if (i % 16 == 0 || i % 16 == 1) {
                    options.throttle(Throttle.of(100, 200));
                }
                api.route(METHODS[i % METHODS.length] + " " + path(i), Integrations.lambda(functions.get(i % FUNCTIONS)),
                        options.build());
            }
        }
    };

    /** GatewayApi with the given body format and document location (null: the default). */
    static Variant gatehouse(String name, BodyFormat format, DocumentLocation location) {
        return new Variant() {
            public String name() {
                return name;
            }

            public void define(Stack stack, List<Function> functions, int routes) {
                GatewayApi api = GatewayApi.Builder.create(stack, "Api").bodyFormat(format).documentLocation(location)
                        .build();
                RouteOptions iam = RouteOptions.of(Authorization.iam());
                for (int i = 0; i < routes; i++) {
                    api.route(METHODS[i % METHODS.length] + " " + path(i), Integrations.lambda(functions.get(i % FUNCTIONS)), iam);
                }
            }
        };
    }

    /**
     * GatewayApi with routes of every kind in turn: Lambda, HTTP, mock, Step Functions
     * (synchronous, EXPRESS), SQS, EventBridge and DynamoDB (GetItem), one target of each kind.
     */
    static final Variant MIXED = new Variant() {
        public String name() {
            return "Gatehouse, 7 integration kinds mixed";
        }

        public void define(Stack stack, List<Function> functions, int routes) {
            StateMachine checkout = StateMachine.Builder.create(stack, "Checkout")
                    .stateMachineType(StateMachineType.EXPRESS)
                    .definitionBody(DefinitionBody.fromChainable(Pass.Builder.create(stack, "Done").build()))
                    .build();
            Queue queue = Queue.Builder.create(stack, "Jobs").enforceSsl(true).build();
            EventBus bus = EventBus.Builder.create(stack, "Events").build();
            Table table = Table.Builder.create(stack, "Items")
                    .partitionKey(Attribute.builder().name("id").type(AttributeType.STRING).build()).build();
            List<RouteIntegration> kinds = List.of(
                    Integrations.http("https://backend.example.com/items/{id}"),
                    Integrations.mock(MockResponse.json(200, "{}")),
                    Integrations.stepFunctions(checkout),
                    Integrations.sqs(queue),
                    Integrations.eventBridge(bus, EventBridgeRouteIntegrationOptions.builder()
                            .source("com.example.bench").detailType("Item").build()),
                    Integrations.dynamoDb(table, DynamoDbRouteIntegrationOptions.builder().action(DynamoDbAction.GET_ITEM)
                            .partitionKey(DynamoDbKeyValue.fromPath("id")).build()));
            GatewayApi api = GatewayApi.Builder.create(stack, "Api").build();
            RouteOptions iam = RouteOptions.of(Authorization.iam());
            for (int i = 0; i < routes; i++) {
                int kind = i % (kinds.size() + 1);
                api.route(METHODS[i % METHODS.length] + " " + path(i), kind == kinds.size()
                        ? Integrations.lambda(functions.get(i % FUNCTIONS)) : kinds.get(kind), iam);
            }
        }
    };

    static final Variant STOCK = new Variant() {
        public String name() {
            return "aws-cdk-lib RestApi";
        }

        public void define(Stack stack, List<Function> functions, int routes) {
            RestApi api = RestApi.Builder.create(stack, "Api").cloudWatchRole(false).build();
            MethodOptions iam = MethodOptions.builder().authorizationType(AuthorizationType.IAM).build();
            for (int i = 0; i < routes; i++) {
                api.getRoot().resourceForPath(path(i))
                        .addMethod(METHODS[i % METHODS.length], new LambdaIntegration(functions.get(i % FUNCTIONS)), iam);
            }
        }
    };

    /** 4 methods per path: /resource{n}/{id}. */
    static String path(int route) {
        return "/resource" + (route / METHODS.length) + "/{id}";
    }

    static Result synthesize(Variant variant, int routes) {
        long start = System.nanoTime();
        try {
            App app = new App();
            define(app, "Bench", variant, routes);
            CloudAssembly assembly = app.synth();
            long millis = (System.nanoTime() - start) / 1_000_000;
            Path template = Path.of(assembly.getStackByName("Bench").getTemplateFullPath());
            JsonNode json = JSON.readTree(template.toFile());
            JsonNode settings = JSON.createArrayNode();
            String document = "-";
            long assetBytes = 0;
            for (JsonNode resource : json.get("Resources")) {
                JsonNode properties = resource.path("Properties");
                String type = resource.get("Type").asText();
                if (type.equals("AWS::ApiGateway::Stage")) {
                    settings = properties.path("MethodSettings");
                }
                if (type.equals("AWS::ApiGateway::RestApi")) {
                    document = properties.has("BodyS3Location") ? "BodyS3Location" : properties.has("Body") ? "Body" : "-";
                }
                if (type.equals(DocumentInS3.RESOURCE_TYPE)) {
                    assetBytes = Files.size(Path.of(assembly.getDirectory(), "asset." + properties.get("SourceKey").asText()));
                }
            }
            return new Result(millis, json.get("Resources").size(), Files.size(template), settings.size(),
                    settings.size() == 0 ? 0 : JSON.writeValueAsBytes(settings).length, null, document, assetBytes);
        } catch (RuntimeException | IOException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            // a Gatehouse finding's line if there is one, else the first line
            List<String> lines = String.valueOf(e.getMessage()).lines().filter(l -> !l.isBlank()).toList();
            String message = lines.stream().filter(l -> l.contains("[GH")).findFirst()
                    .map(l -> l.substring(l.indexOf("[GH"))).orElse(lines.isEmpty() ? "" : lines.get(0));
            if (message.length() > 110) {
                message = message.substring(0, 107) + "...";
            }
            return new Result(millis, -1, -1, -1, -1, e.getClass().getSimpleName() + ": " + message);
        }
    }

    /** Adds stack {@code name} with {@value #FUNCTIONS} functions and {@code routes} routes over them. */
    static Stack define(App app, String name, Variant variant, int routes) {
        Stack stack = new Stack(app, name);
        List<Function> functions = new ArrayList<>();
        for (int f = 0; f < FUNCTIONS; f++) {
            functions.add(Function.Builder.create(stack, "Fn" + f)
                    .runtime(Runtime.NODEJS_22_X)
                    .handler("index.handler")
                    .code(Code.fromInline("exports.handler = async () => ({ statusCode: 200 });"))
                    .build());
        }
        variant.define(stack, functions, routes);
        return stack;
    }

    /**
     * Synthesizes each variant at every size {@code rounds[v]} times and returns the median time per
     * variant and size, other figures from the last synthesis.
     *
     * <p>Variants are measured one after the other, each in its own block, Gatehouse's first: the
     * jsii runtime keeps every object a synthesis creates alive in both the JVM and Node.js
     * (nothing is ever released), so each synthesis leaves a larger heap for all later ones to
     * collect, and stock aws-cdk-lib leaves by far the most (thousands of constructs). Within a
     * block the sizes are interleaved, so that a machine that speeds up or slows down during the
     * run affects all sizes alike, in the order of {@link #balancedOrder}: a synthesis partly pays
     * for the garbage of the one before it (Node.js collects it later), so every size follows
     * every size equally often. The JVM collects its own garbage before each synthesis, untimed.
     */
    static Result[][] measure(List<Variant> variants, int[] rounds) {
        int[] order = balancedOrder(ROUTE_COUNTS.length);
        Result[][] medians = new Result[variants.size()][ROUTE_COUNTS.length];
        for (int v = 0; v < variants.size(); v++) {
            int runs = rounds[v];
            long[][] times = new long[ROUTE_COUNTS.length][runs];
            int[] done = new int[ROUTE_COUNTS.length];
            Result[] last = new Result[ROUTE_COUNTS.length];
            for (int i = 0; i < runs * ROUTE_COUNTS.length; i++) {
                int s = order[i % order.length];
                collectGarbage();
                last[s] = synthesize(variants.get(v), ROUTE_COUNTS[s]);
                times[s][done[s]++] = last[s].millis();
            }
            for (int s = 0; s < ROUTE_COUNTS.length; s++) {
                Arrays.sort(times[s]);
                medians[v][s] = new Result(times[s][runs / 2], last[s].resources(), last[s].templateBytes(),
                        last[s].methodSettings(), last[s].methodSettingsBytes(), last[s].error(), last[s].document(),
                        last[s].assetBytes());
            }
        }
        return medians;
    }

    /**
     * A cyclic order of {@code 0..k-1}, each {@code k} times, in which every ordered pair of
     * neighbours (including a size after itself) occurs exactly once: a de Bruijn sequence of
     * order 2. Repeated, every size follows every size equally often, also across repetitions.
     */
    static int[] balancedOrder(int k) {
        List<Integer> sequence = new ArrayList<>();
        deBruijn(1, 1, k, new int[3], sequence);
        int[] order = sequence.stream().mapToInt(Integer::intValue).toArray();
        boolean[][] seen = new boolean[k][k];
        for (int i = 0; i < order.length; i++) {
            int before = order[i];
            int after = order[(i + 1) % order.length];
            if (seen[before][after]) {
                throw new IllegalStateException("not balanced: " + Arrays.toString(order));
            }
            seen[before][after] = true;
        }
        return order;
    }

    /** The standard recursive construction (Lyndon words of length dividing 2), for {@link #balancedOrder}. */
    private static void deBruijn(int t, int p, int k, int[] a, List<Integer> out) {
        if (t > 2) {
            if (2 % p == 0) {
                for (int i = 1; i <= p; i++) {
                    out.add(a[i]);
                }
            }
            return;
        }
        a[t] = a[t - p];
        deBruijn(t + 1, p, k, a, out);
        for (int j = a[t - p] + 1; j < k; j++) {
            a[t] = j;
            deBruijn(t + 1, t, k, a, out);
        }
    }

    public static void main(String[] args) {
        // a multiple of the number of sizes, so that the balanced order is run through whole
        int runs = roundUp(Integer.getInteger("bench.runs", 15), ROUTE_COUNTS.length);
        // the default's figures, which the goal is about, may get more rounds
        int gatehouseRuns = roundUp(Integer.getInteger("bench.gatehouse.runs", runs), ROUTE_COUNTS.length);
        System.out.println("Warming up the JVM and the jsii runtime...");
        for (int i = 0; i < 3; i++) {
            for (int routes : ROUTE_COUNTS) {
                synthesize(GATEHOUSE, routes);
            }
            synthesize(GATEHOUSE_TEXT, 10);
            synthesize(GATEHOUSE_INLINE, 10);
            synthesize(GATEHOUSE_CACHED, 10);
            synthesize(STOCK, 10);
        }
        String validation = "false".equals(System.getenv("CDK_VALIDATION"))
                ? "off (CDK_VALIDATION=false)" : "on (CDK's default template validation)";
        System.out.printf(Locale.ROOT, "%nRoute scale benchmark: %d functions, median of %d rounds (GatewayApi) "
                + "and %d rounds (the others), Java %s, CDK template validation %s%n%n", FUNCTIONS, gatehouseRuns, runs,
                System.getProperty("java.version"), validation);
        List<Variant> variants = List.of(GATEHOUSE, GATEHOUSE_TEXT, MIXED, GATEHOUSE_CACHED, GATEHOUSE_INLINE, STOCK);
        Result[][] results = measure(variants, new int[] {gatehouseRuns, runs, runs, runs, runs, runs});
        System.out.println("| variant | routes | resources | template bytes | document | synth ms | added to 10 routes | vs 10 routes | result |");
        System.out.println("|---|---:|---:|---:|---|---:|---:|---:|---|");
        for (int v = 0; v < variants.size(); v++) {
            long base = results[v][0].millis();
            for (int s = 0; s < ROUTE_COUNTS.length; s++) {
                Result r = results[v][s];
                System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %d | %+d ms | %.2fx | %s |%n",
                        variants.get(v).name(), ROUTE_COUNTS[s], r.resources() < 0 ? "-" : Integer.toString(r.resources()),
                        r.templateBytes() < 0 ? "-" : Long.toString(r.templateBytes()), r.document(),
                        r.millis(), r.millis() - base, (double) r.millis() / base, r.error() == null ? "ok" : r.error());
            }
        }
        Result gatehouseBase = results[0][0];
        Result gatehouseLargest = results[0][ROUTE_COUNTS.length - 1];
        int largest = ROUTE_COUNTS[ROUTE_COUNTS.length - 1];
        long added = gatehouseLargest.millis() - gatehouseBase.millis();
        System.out.printf(Locale.ROOT, "%nGoals for %d Gatehouse routes in one stack (default settings):%n", largest);
        System.out.printf(Locale.ROOT, "- resources <= 500: %d (%s)%n", gatehouseLargest.resources(),
                gatehouseLargest.error() == null && gatehouseLargest.resources() <= 500 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "- template <= 1 MB (1,048,576 bytes): %d (%s)%n", gatehouseLargest.templateBytes(),
                gatehouseLargest.error() == null && gatehouseLargest.templateBytes() <= 1_048_576 ? "met" : "NOT met");
        Result mixed = results[2][ROUTE_COUNTS.length - 1];
        System.out.printf(Locale.ROOT, "- resources far below 500 with 7 integration kinds mixed: %d (%s), template %d bytes%n",
                mixed.resources(), mixed.error() == null && mixed.resources() <= 50 ? "met" : "NOT met",
                mixed.templateBytes());
        System.out.printf(Locale.ROOT, "- synth time added to the %d-route synth <= about 1 s (%d ms): %d ms (%s)%n",
                ROUTE_COUNTS[0], ADDED_MILLIS_GOAL, added, added <= ADDED_MILLIS_GOAL ? "met" : "NOT met");
        long textAdded = results[1][ROUTE_COUNTS.length - 1].millis() - results[1][0].millis();
        System.out.printf(Locale.ROOT, "  (the JSON-text opt-in adds %d ms: %d ms less than the default)%n", textAdded,
                added - textAdded);

        large(roundUp(Integer.getInteger("bench.large.runs", 5), 1));

        System.out.printf(Locale.ROOT, "%nThe stage's method settings (throttling and caching overrides, one entry per "
                + "route method, besides the stage-wide entry):%n%n");
        System.out.println("| variant | routes | entries | their bytes | bytes per entry | share of the template |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (int v = 0; v < variants.size() - 1; v++) {
            for (int s = 0; s < ROUTE_COUNTS.length; s++) {
                Result r = results[v][s];
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f%% |%n", variants.get(v).name(),
                        ROUTE_COUNTS[s], r.methodSettings(), r.methodSettingsBytes(),
                        r.methodSettings() <= 0 ? 0 : r.methodSettingsBytes() / r.methodSettings(),
                        r.templateBytes() <= 0 ? 0.0 : 100.0 * r.methodSettingsBytes() / r.templateBytes());
            }
        }

        System.out.printf(Locale.ROOT, "%nWhere the time goes (Gatehouse, ms, median of %d rounds):%n%n", runs);
        System.out.println("| routes | declare | synth | of which Java | Body as JSON text, alone | Body as object, alone | empty stack |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        int[] sizes = {ROUTE_COUNTS[0], largest};
        long[][][] phases = new long[sizes.length][6][runs];
        for (int r = 0; r < runs; r++) {
            for (int k = 0; k < sizes.length; k++) {
                int s = (r + k) % sizes.length; // 0 1, 1 0, 0 1...: each size follows each equally often
                collectGarbage();
                long[] p = phases(sizes[s]);
                for (int i = 0; i < p.length; i++) {
                    phases[s][i][r] = p[i];
                }
            }
        }
        for (int s = 0; s < sizes.length; s++) {
            StringBuilder row = new StringBuilder("| " + sizes[s] + " |");
            for (long[] phase : phases[s]) {
                Arrays.sort(phase);
                row.append(' ').append(phase[runs / 2]).append(" |");
            }
            System.out.println(row);
        }
    }

    /**
     * {@value #LARGE} routes in one stack, GatewayApi's variants only, {@code runs} syntheses each
     * (median time), after one unmeasured synthesis of each; and the goal: with the defaults it
     * synthesizes, under CloudFormation's template size.
     */
    static void large(int runs) {
        List<Variant> variants = List.of(GATEHOUSE, GATEHOUSE_TEXT, GATEHOUSE_INLINE);
        System.out.printf(Locale.ROOT, "%n%,d routes in one stack (median of %d rounds):%n%n", LARGE, runs);
        System.out.println("| variant | resources | template bytes | document | document asset bytes | synth ms | result |");
        System.out.println("|---|---:|---:|---|---:|---:|---|");
        Result defaults = null;
        for (Variant variant : variants) {
            synthesize(variant, LARGE);
            long[] times = new long[runs];
            Result last = null;
            for (int r = 0; r < runs; r++) {
                collectGarbage();
                last = synthesize(variant, LARGE);
                times[r] = last.millis();
            }
            Arrays.sort(times);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %s |%n", variant.name(),
                    last.resources() < 0 ? "-" : Integer.toString(last.resources()),
                    last.templateBytes() < 0 ? "-" : Long.toString(last.templateBytes()), last.document(),
                    last.assetBytes() == 0 ? "-" : Long.toString(last.assetBytes()), times[runs / 2],
                    last.error() == null ? "ok" : last.error());
            if (variant == GATEHOUSE) {
                defaults = last;
            }
        }
        System.out.printf(Locale.ROOT, "%nGoal for %,d routes in one stack with the defaults: synthesizes, template under "
                + "1 MB (1,000,000 bytes): %s bytes (%s)%n", LARGE, defaults.templateBytes(),
                defaults.error() == null && defaults.templateBytes() < 1_000_000 ? "met" : "NOT met");
    }

    /**
     * One Gatehouse synthesis in phases: declaring the app (functions and routes), then
     * {@code app.synth()}, and how much of that the JVM's main thread spent on the CPU (the rest is
     * the jsii runtime: the CDK in Node.js). Then the same template Body, in each format, set on a
     * lone resource in an otherwise empty app as GatewayApi sets it (what the CDK and jsii cost for
     * the Body alone), and an empty stack.
     */
    static long[] phases(int routes) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        App app = new App();
        Stack stack = define(app, "Bench", GATEHOUSE, routes);
        GatewayApi api = (GatewayApi) stack.getNode().findChild("Api");
        long t1 = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        app.synth();
        long synthCpu = threads.getCurrentThreadCpuTime() - cpu;
        long t2 = System.nanoTime();
        ObjectNode document = api.getOpenApiDocument();
        TemplateValues values = new TemplateValues(stack);
        long text = ms(synthLone(BodyText.render(document, values).join(), true));
        long object = ms(synthLone(values.forTemplate(document), false));
        long empty = ms(synthLone("x", false));
        return new long[] {ms(t1 - t0), ms(t2 - t1), ms(synthCpu), text, object, empty};
    }

    /**
     * Nanoseconds to synthesize an app of one RestApi resource with {@code body} as its Body.
     *
     * @param override set the Body as GatewayApi sets JSON text: an override, which tree.json does not repeat
     */
    static long synthLone(Object body, boolean override) {
        long start = System.nanoTime();
        App app = new App();
        CfnResource.Builder builder = CfnResource.Builder.create(new Stack(app, "Lone"), "Api")
                .type("AWS::ApiGateway::RestApi");
        if (override) {
            builder.build().addPropertyOverride("Body", body);
        } else {
            builder.properties(Map.of("Body", body)).build();
        }
        app.synth();
        return System.nanoTime() - start;
    }

    /**
     * Collects the previous synthesis' garbage before the next one is timed, so that a small API
     * measured after a large one does not pay for the large one's collection.
     */
    private static void collectGarbage() {
        System.gc();
    }

    private static int roundUp(int value, int multiple) {
        return Math.max(multiple, (value + multiple - 1) / multiple * multiple);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
