package dev.gatehouse.lambda.jwt;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.authorizer.policy.RouteScopes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Benchmark (not a test) of the JWT authorizer. Prints:
 * <ol>
 *   <li>warm decision latency of the handler (TOKEN event, JWKS cached) against a bare nimbus
 *       parse + verify of the same token with a prepared verifier, measured in the same run
 *       (goal: at most 1.3x);
 *   <li>fresh-JVM time to first decision (a new {@code java} process with only the shaded jar that
 *       builds the handler from its environment and decides once, fetching a local JWKS) against a
 *       hello-world JVM started the same way (same flags as Lambda's Java runtime:
 *       {@code -XX:TieredStopAtLevel=1}, CDS on);
 *   <li>route-scope analysis times for a few configuration sizes (done once per container, on the
 *       first request or before a SnapStart checkpoint).
 * </ol>
 * Run: {@code ./mvnw -B -q -pl lambda-handlers -am -Pbench-jwt -DskipTests verify} (see docs/jwt-authorizer.md).
 * Argument: the path of the shaded jwt-authorizer jar.
 */
public final class JwtAuthorizerBenchmark {
    private static final int ROUNDS = 11;
    private static final long ROUND_NANOS = 600_000_000L;
    private static final int JVM_RUNS = 7;
    private static long sink;

    private JwtAuthorizerBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--warm-only")) {
            try (JwksServer jwks = new JwksServer(TestKeys.standardJwks())) {
                warm(jwks, JWSAlgorithm.RS256, args[1]);
                warm(jwks, JWSAlgorithm.ES256, args[1]);
            }
            return;
        }
        Path jar = args.length > 0 ? Path.of(args[0]) : ShadedJar.jar();
        System.out.println("JWT authorizer benchmark (" + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores)");
        try (JwksServer jwks = new JwksServer(TestKeys.standardJwks())) {
            warm(jwks, JWSAlgorithm.RS256, "C1+C2 (JVM default)");
            warm(jwks, JWSAlgorithm.ES256, "C1+C2 (JVM default)");
            warmWithC1Only();
            freshJvm(jwks, jar);
        }
        analysis();
        if (sink == 42) {
            System.out.println();
        }
    }

    /** The warm measurement again in a JVM limited to C1, as Lambda's java17/java21 runtimes run. */
    private static void warmWithC1Only() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                JwtAuthorizerBenchmark.class.getName(), "--warm-only", "C1 only, as Lambda java17/21")
                .inheritIO();
        if (builder.start().waitFor() != 0) {
            throw new IllegalStateException("the C1-only warm benchmark failed");
        }
    }

    private static Map<String, String> environment(JwksServer jwks) {
        Map<String, String> env = new HashMap<>();
        env.put("GATEHOUSE_JWKS_URL", jwks.uri().toString());
        env.put("GATEHOUSE_ISSUER", Tokens.ISSUER);
        env.put("GATEHOUSE_AUDIENCE", Tokens.AUDIENCE);
        env.put("GATEHOUSE_ALGORITHMS", "RS256,ES256");
        env.put("GATEHOUSE_CONTEXT_CLAIMS", "email");
        env.put("GATEHOUSE_ROUTE_SCOPES", AuthorizerFixture.SHOP_ROUTES);
        return env;
    }

    private static void warm(JwksServer jwks, JWSAlgorithm alg, String jit) throws Exception {
        Map<String, String> env = environment(jwks);
        JwtAuthorizerHandler handler = new JwtAuthorizerHandler(env::get, Clock.systemUTC(), line -> { }, null,
                Runnable::run);
        Tokens tokens = Tokens.at(Instant.now()).claim("email", "ada@example.test").scope("orders:read files");
        if (alg.equals(JWSAlgorithm.ES256)) {
            tokens.key(TestKeys.EC_P256, alg);
        }
        String token = tokens.sign();
        APIGatewayCustomAuthorizerEvent event = AuthorizerFixture.tokenEvent("Bearer " + token, "GET", "/orders/1");
        JWSVerifier verifier = alg.equals(JWSAlgorithm.ES256) ? new ECDSAVerifier(TestKeys.EC_P256.toECPublicKey())
                : new RSASSAVerifier(TestKeys.RSA.toRSAPublicKey());

        // both must succeed before timing
        if (handler.handleRequest(event, null).getPrincipalId() == null || !bare(token, verifier)) {
            throw new IllegalStateException("benchmark setup is broken");
        }
        // Interleaved blocks, so that load from other processes on the machine hits all variants alike.
        Op handlerOp = () -> sink += handler.handleRequest(event, null).getPrincipalId().length();
        Op bareOp = () -> sink += bare(token, verifier) ? 1 : 0;
        Op claimsOp = () -> sink += bareWithClaims(token, verifier);
        measure(List.of(handlerOp, bareOp, claimsOp), 3); // warm-up
        Measurement m = measure(List.of(handlerOp, bareOp, claimsOp), ROUNDS);
        // Outside load only ever adds time: the 10th percentile of the block times is the figure
        // least disturbed by it; the median is printed too.
        double h = percentile(m.blocks.get(0), 10);
        double b = percentile(m.blocks.get(1), 10);
        double c = percentile(m.blocks.get(2), 10);
        double ratio = h / b;
        double medianRatio = percentile(m.blocks.get(0), 50) / percentile(m.blocks.get(1), 50);
        double cpuRatio = median(m.cpu[0]) / median(m.cpu[1]);
        int fetches = handler.keySource().fetchCount();
        System.out.printf("warm decision %s, %s: handler %.1f us, bare nimbus parse+verify %.1f us, ratio %.2fx"
                + " (goal <= 1.30x: %s; medians %.2fx, thread CPU time %.2fx); parse+verify+getJWTClaimsSet %.1f us"
                + " (handler %.2fx); JWKS fetches %d%n",
                alg, jit, h / 1000, b / 1000, ratio, ratio <= 1.3 ? "met" : "NOT met", medianRatio, cpuRatio, c / 1000,
                h / c, fetches);
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    /**
     * Per op: the ns per operation of every block (wall clock), and per round the measuring
     * thread's CPU time per operation.
     */
    private record Measurement(List<List<Double>> blocks, double[][] cpu) {}

    private interface Op {
        void run() throws Exception;
    }

    /** Each round runs the ops in alternating blocks of 20, so that outside load hits all alike. */
    private static Measurement measure(List<Op> ops, int rounds) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<List<Double>> blocks = new ArrayList<>();
        ops.forEach(op -> blocks.add(new ArrayList<>()));
        double[][] cpu = new double[ops.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            long[] cpuNanos = new long[ops.size()];
            long[] count = new long[ops.size()];
            long roundStart = System.nanoTime();
            while (System.nanoTime() - roundStart < ROUND_NANOS) {
                for (int k = 0; k < ops.size(); k++) {
                    Op op = ops.get(k);
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    for (int i = 0; i < 20; i++) {
                        op.run();
                    }
                    blocks.get(k).add((System.nanoTime() - start) / 20.0);
                    cpuNanos[k] += threads.getCurrentThreadCpuTime() - cpuStart;
                    count[k] += 20;
                }
            }
            for (int k = 0; k < ops.size(); k++) {
                cpu[k][r] = cpuNanos[k] / (double) count[k];
            }
        }
        return new Measurement(blocks, cpu);
    }

    private static int bareWithClaims(String token, JWSVerifier verifier) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        return jwt.verify(verifier) ? jwt.getJWTClaimsSet().getClaims().size() : 0;
    }

    private static boolean bare(String token, JWSVerifier verifier) throws java.text.ParseException, JOSEException {
        return SignedJWT.parse(token).verify(verifier);
    }

    private static void freshJvm(JwksServer jwks, Path jar) throws Exception {
        Map<String, String> env = environment(jwks);
        String token = Tokens.at(Instant.now()).sign();
        String arn = AuthorizerFixture.PREFIX + "GET/orders/1";
        long[] hello = new long[JVM_RUNS];
        long[] decision = new long[JVM_RUNS];
        long[] helloCpu = new long[JVM_RUNS];
        long[] decisionCpu = new long[JVM_RUNS];
        for (int i = 0; i < JVM_RUNS; i++) {
            ShadedJar.Run h = ShadedJar.run(List.of(), HelloWorld.class, Map.of());
            ShadedJar.Run d = ShadedJar.run(List.of(jar), FirstDecision.class, env, token, arn);
            if (h.exitCode() != 0 || d.exitCode() != 0 || !d.output().contains("decision user-1 Allow")) {
                throw new IllegalStateException("child JVM failed: " + h.output() + d.output());
            }
            hello[i] = h.millis();
            decision[i] = d.millis();
            helloCpu[i] = h.cpuMillis();
            decisionCpu[i] = d.cpuMillis();
        }
        double helloMs = median(hello);
        double decisionMs = median(decision);
        System.out.printf("fresh JVM, wall time (median of %d): hello world %.0f ms, handler init + first decision %.0f ms,"
                + " ratio %.2fx, %.0f ms more (runs: hello %s, decision %s; JWKS requests %d)%n",
                JVM_RUNS, helloMs, decisionMs, decisionMs / helloMs, decisionMs - helloMs, Arrays.toString(hello),
                Arrays.toString(decision), jwks.requests());
        double helloCpuMs = median(helloCpu);
        double decisionCpuMs = median(decisionCpu);
        System.out.printf("fresh JVM, process CPU time (median of %d): hello world %.0f ms, handler init + first decision"
                + " %.0f ms, ratio %.2fx, %.0f ms more%n",
                JVM_RUNS, helloCpuMs, decisionCpuMs, decisionCpuMs / helloCpuMs, decisionCpuMs - helloCpuMs);
    }

    private static void analysis() {
        List<String> lines = new ArrayList<>();
        lines.add(time("shop (10 routes)", () -> parse(AuthorizerFixture.SHOP_ROUTES)));
        lines.add(time("100 routes", () -> synthetic(33, false)));
        lines.add(time("301 routes + public ANY /{proxy+}", () -> synthetic(100, true)));
        lines.add(time("1000 routes", () -> synthetic(333, false)));
        lines.forEach(System.out::println);
    }

    private static RouteScopes parse(String json) {
        return dev.gatehouse.lambda.jwt.internal.RouteScopesJson.parse(json);
    }

    private static RouteScopes synthetic(int resources, boolean catchAll) {
        RouteScopes.Builder builder = RouteScopes.builder();
        for (int i = 0; i < resources; i++) {
            builder.route("GET /r" + i + "/{id}", "read" + (i % 7));
            builder.route("POST /r" + i, "write" + (i % 5));
            builder.route("GET /r" + i + "/{id}/items/{item}", "read" + (i % 3));
        }
        if (catchAll) {
            builder.route("ANY /{proxy+}", List.of());
        }
        return builder.build();
    }

    private interface Config {
        RouteScopes build();
    }

    /** Build + first plan (what a container's first request pays), then the full ambiguity check. */
    private static String time(String name, Config config) {
        double[] planMs = new double[3];
        double[] fullMs = new double[3];
        int ambiguities = 0;
        for (int i = 0; i < planMs.length; i++) {
            long start = System.nanoTime();
            RouteScopes routes = config.build();
            routes.plan(Set.of("read1", "write2", "orders:read"));
            long planned = System.nanoTime();
            ambiguities = routes.ambiguities().size();
            planMs[i] = (planned - start) / 1e6;
            fullMs[i] = (System.nanoTime() - planned) / 1e6;
        }
        return String.format("route scopes, %s: parse + first plan %.1f ms (then %.1f, %.1f);"
                + " ambiguities() %.1f ms (then %.1f, %.1f), %d ambiguities",
                name, planMs[0], planMs[1], planMs[2], fullMs[0], fullMs[1], fullMs[2], ambiguities);
    }

    private static double median(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }

    private static double median(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }

}
