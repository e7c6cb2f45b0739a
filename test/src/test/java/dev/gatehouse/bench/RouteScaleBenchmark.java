package dev.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.Integration;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.api.internal.TemplateValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

/**
 * Synthesizes APIs of 10, 100 and 1,000 Lambda routes over 5 functions, with GatewayApi and with
 * stock aws-cdk-lib RestApi + LambdaIntegration, in one JVM, and prints resources, template bytes
 * and synth time (median of several runs after a warm-up) or the error.
 *
 * <p>Run: {@code ./mvnw -B -q -pl test -am -DskipTests -Pbench-routes verify}. Not a test: it asserts
 * nothing and its figures depend on the machine; the ratios are what to compare.
 */
public final class RouteScaleBenchmark {
    private static final int FUNCTIONS = 5;
    private static final int[] ROUTE_COUNTS = {10, 100, 1000};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private RouteScaleBenchmark() {
    }

    /** What one synthesis produced. */
    record Result(long millis, int resources, long templateBytes, String error) {
    }

    interface Variant {
        String name();

        void define(Stack stack, List<Function> functions, int routes);
    }

    static final Variant GATEHOUSE = new Variant() {
        public String name() {
            return "Gatehouse GatewayApi";
        }

        public void define(Stack stack, List<Function> functions, int routes) {
            GatewayApi api = new GatewayApi(stack, "Api");
            RouteOptions iam = RouteOptions.of(Authorization.iam());
            for (int i = 0; i < routes; i++) {
                api.route(METHODS[i % METHODS.length] + " " + path(i), Integration.lambda(functions.get(i % FUNCTIONS)), iam);
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
            return new Result(millis, json.get("Resources").size(), Files.size(template), null);
        } catch (RuntimeException | IOException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            String message = String.valueOf(e.getMessage()).lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            if (message.length() > 110) {
                message = message.substring(0, 107) + "...";
            }
            return new Result(millis, -1, -1, e.getClass().getSimpleName() + ": " + message);
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

    /** Median time of {@code runs} syntheses; the other figures come from the last run. */
    static Result measure(Variant variant, int routes, int runs) {
        long[] times = new long[runs];
        Result last = null;
        for (int r = 0; r < runs; r++) {
            last = synthesize(variant, routes);
            times[r] = last.millis();
        }
        Arrays.sort(times);
        return new Result(times[runs / 2], last.resources(), last.templateBytes(), last.error());
    }

    public static void main(String[] args) {
        int runs = Integer.getInteger("bench.runs", 3);
        System.out.println("Warming up the JVM and the jsii runtime...");
        for (int i = 0; i < 3; i++) {
            synthesize(GATEHOUSE, 10);
            synthesize(STOCK, 10);
        }
        String validation = "false".equals(System.getenv("CDK_VALIDATION"))
                ? "off (CDK_VALIDATION=false)" : "on (CDK's default template validation)";
        System.out.printf(Locale.ROOT, "%nRoute scale benchmark: %d functions, median of %d runs, Java %s, "
                + "CDK template validation %s%n%n", FUNCTIONS, runs, System.getProperty("java.version"), validation);
        System.out.println("| variant | routes | resources | template bytes | synth ms | vs 10 routes | result |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|");
        Result gatehouseBase = null;
        Result gatehouseLargest = null;
        for (Variant variant : List.of(GATEHOUSE, STOCK)) {
            long base = -1;
            for (int routes : ROUTE_COUNTS) {
                Result r = measure(variant, routes, runs);
                if (base < 0) {
                    base = r.millis();
                }
                if (variant == GATEHOUSE) {
                    gatehouseBase = gatehouseBase == null ? r : gatehouseBase;
                    gatehouseLargest = r;
                }
                System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %d | %.2fx | %s |%n", variant.name(), routes,
                        r.resources() < 0 ? "-" : Integer.toString(r.resources()),
                        r.templateBytes() < 0 ? "-" : Long.toString(r.templateBytes()),
                        r.millis(), (double) r.millis() / base, r.error() == null ? "ok" : r.error());
            }
        }
        int largest = ROUTE_COUNTS[ROUTE_COUNTS.length - 1];
        double ratio = (double) gatehouseLargest.millis() / gatehouseBase.millis();
        System.out.printf(Locale.ROOT, "%nGoals for %d Gatehouse routes in one stack:%n", largest);
        System.out.printf(Locale.ROOT, "- resources <= 500: %d (%s)%n", gatehouseLargest.resources(),
                gatehouseLargest.error() == null && gatehouseLargest.resources() <= 500 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "- template <= 1 MB (1,048,576 bytes): %d (%s)%n", gatehouseLargest.templateBytes(),
                gatehouseLargest.error() == null && gatehouseLargest.templateBytes() <= 1_048_576 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "- synth time <= 1.5x the %d-route synth: %.2fx (%s)%n", ROUTE_COUNTS[0], ratio,
                ratio <= 1.5 ? "met" : "NOT met");

        System.out.printf(Locale.ROOT, "%nWhere the time goes (Gatehouse, ms, median of %d runs):%n%n", runs);
        System.out.println("| routes | declare | render document | synth | same Body in a lone resource | same Body as one string | empty stack |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (int routes : new int[] {ROUTE_COUNTS[0], largest}) {
            long[][] phases = new long[6][runs];
            for (int r = 0; r < runs; r++) {
                long[] p = phases(routes);
                for (int i = 0; i < p.length; i++) {
                    phases[i][r] = p[i];
                }
            }
            StringBuilder row = new StringBuilder("| " + routes + " |");
            for (long[] phase : phases) {
                Arrays.sort(phase);
                row.append(' ').append(phase[runs / 2]).append(" |");
            }
            System.out.println(row);
        }
    }

    /**
     * One Gatehouse synthesis in phases: declaring the app, rendering the document in Java, the
     * rest of app.synth(); then the same template Body as the only property of a lone resource in
     * an otherwise empty app (what the CDK and jsii cost for the Body alone), the Body as one JSON
     * string inside an Fn::Sub, and an empty stack.
     */
    static long[] phases(int routes) {
        long t0 = System.nanoTime();
        App app = new App();
        Stack stack = define(app, "Bench", GATEHOUSE, routes);
        GatewayApi api = (GatewayApi) stack.getNode().findChild("Api");
        long t1 = System.nanoTime();
        Object body = new TemplateValues(stack).forTemplate(api.getOpenApiDocument());
        long t2 = System.nanoTime();
        app.synth();
        long t3 = System.nanoTime();
        long lone = synthLone(body);
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // as CloudFormation would take it: one Fn::Sub string ("${!" keeps a "${" literal)
        long asString = synthLone(Map.of("Fn::Sub", text.replace("${", "${!")));
        long empty = synthLone("x");
        return new long[] {ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), lone, asString, empty};
    }

    private static long synthLone(Object body) {
        long start = System.nanoTime();
        App app = new App();
        CfnResource.Builder.create(new Stack(app, "Lone"), "Api").type("AWS::ApiGateway::RestApi")
                .properties(Map.of("Body", body)).build();
        app.synth();
        return ms(System.nanoTime() - start);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
