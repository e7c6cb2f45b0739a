package dev.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * What the CDK and jsii charge for the same 1,000-route document written as a Body of different
 * shapes: the JSON-text Body (the opt-in) GatewayApi synthesizes for {@link RouteScaleBenchmark}'s APIs, reshaped, each
 * set on a lone resource in an otherwise empty app, as GatewayApi sets it (a property override).
 * It shows which levers on the Body's shape are worth pulling; see docs/benchmarks.md.
 *
 * <p>Run with the route scale benchmark ({@code -Pbench-routes}). Not a test: it asserts nothing.
 */
public final class BodyShapeBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where a path item starts in the benchmark's documents, which have paths /resource{n}/{id}. */
    private static final Pattern PATH_ITEM = Pattern.compile(",(?=\"/resource\\d+/)");
    /** A Lambda proxy integration's URI as GatewayApi writes it in an Fn::Sub part. */
    private static final Pattern LAMBDA_URI = Pattern.compile(
            "arn:\\$\\{AWS::Partition}:apigateway:\\$\\{AWS::Region}:lambda:path/2015-03-31/functions/"
                    + "\\$\\{[A-Za-z0-9]+\\.Arn}/invocations");

    private BodyShapeBenchmark() {
    }

    /** A Body to measure. */
    record Shape(String name, Object body) {
    }

    public static void main(String[] args) throws IOException {
        int runs = Integer.getInteger("bench.shape.runs", 40);
        Map<String, Object> small = synthesizedBody(10);
        Map<String, Object> large = synthesizedBody(1000);
        List<Shape> shapes = List.of(
                new Shape("10 routes, as GatewayApi writes it", small),
                new Shape("1,000 routes, as GatewayApi writes it", large),
                new Shape("1,000 routes, 4 paths per part", regrouped(large, 4)),
                new Shape("1,000 routes, 64 paths per part", regrouped(large, 64)),
                new Shape("1,000 routes, one part", regrouped(large, Integer.MAX_VALUE)),
                new Shape("1,000 routes, each integration URI once per part (Fn::Sub variables)", uriVariables(large)),
                new Shape("1,000 routes, quotes written as apostrophes (not deployable)", apostrophes(large)),
                new Shape("as many bytes of plain letters, no JSON (not deployable)",
                        join(List.of("a".repeat(String.join("", texts(large)).length())))));

        for (int i = 0; i < 5; i++) {
            shapes.forEach(shape -> RouteScaleBenchmark.synthLone(shape.body(), true));
        }
        long[][] nanos = new long[shapes.size()][runs];
        for (int r = 0; r < runs; r++) {
            for (int k = 0; k < shapes.size(); k++) {
                int s = (r + k) % shapes.size(); // each round starts one shape later
                System.gc();
                nanos[s][r] = RouteScaleBenchmark.synthLone(shapes.get(s).body(), true);
            }
        }
        System.out.printf(Locale.ROOT, "%nBody shapes: a lone RestApi resource given each Body, median of %d rounds, "
                + "CDK template validation %s%n%n", runs,
                "false".equals(System.getenv("CDK_VALIDATION")) ? "off" : "on");
        System.out.println("| Body | JSON bytes | synth ms | vs 10 routes |");
        System.out.println("|---|---:|---:|---:|");
        double base = median(nanos[0]);
        for (int s = 0; s < shapes.size(); s++) {
            double median = median(nanos[s]);
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %+.1f ms |%n", shapes.get(s).name(),
                    JSON.writeValueAsString(shapes.get(s).body()).length(), median / 1e6, (median - base) / 1e6);
        }
    }

    /** The JSON-text RestApi Body GatewayApi synthesizes for the benchmark's API of {@code routes} routes. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> synthesizedBody(int routes) throws IOException {
        App app = new App();
        RouteScaleBenchmark.define(app, "Bench", RouteScaleBenchmark.GATEHOUSE_TEXT, routes);
        CloudAssembly assembly = app.synth();
        JsonNode template = JSON.readTree(Path.of(assembly.getStackByName("Bench").getTemplateFullPath()).toFile());
        for (JsonNode resource : template.get("Resources")) {
            if (resource.get("Type").asText().equals("AWS::ApiGateway::RestApi")) {
                return JSON.convertValue(resource.get("Properties").get("Body"), Map.class);
            }
        }
        throw new IllegalStateException("no RestApi in the benchmark's template");
    }

    /** The texts of an {@code Fn::Join} Body's parts, plain or {@code Fn::Sub} without variables. */
    static List<String> texts(Map<String, Object> body) {
        List<?> join = (List<?>) body.get("Fn::Join");
        List<String> texts = new ArrayList<>();
        for (Object part : (List<?>) join.get(1)) {
            texts.add(part instanceof String plain ? plain : (String) ((Map<?, ?>) part).get("Fn::Sub"));
        }
        return texts;
    }

    /** An {@code Fn::Join} of {@code texts}: each an Fn::Sub if it names a deploy-time value. */
    static Map<String, Object> join(List<String> texts) {
        return Map.of("Fn::Join", List.of("", texts.stream().map(BodyShapeBenchmark::part).toList()));
    }

    /** A part of {@code text}: an Fn::Sub if it names a deploy-time value, else the plain string. */
    private static Object part(String text) {
        return text.contains("${") ? Map.of("Fn::Sub", text) : text;
    }

    /** The same document with {@code pathsPerPart} path items per part. */
    static Map<String, Object> regrouped(Map<String, Object> body, int pathsPerPart) {
        String[] items = PATH_ITEM.split(String.join("", texts(body)));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < items.length; i += Math.min(pathsPerPart, items.length)) {
            String group = String.join(",", Arrays.asList(items).subList(i, Math.min(items.length, i + pathsPerPart)));
            texts.add(i == 0 ? group : "," + group);
        }
        if (!String.join("", texts).equals(String.join("", texts(body)))) {
            throw new IllegalStateException("regrouping changed the document's text");
        }
        return join(texts);
    }

    /**
     * The same document with each part's Lambda integration URIs written once, as Fn::Sub
     * variables ({@code "uri":"${GatehouseUri0}"}): about a fifth fewer bytes.
     */
    static Map<String, Object> uriVariables(Map<String, Object> body) {
        List<Object> parts = new ArrayList<>();
        for (String text : texts(body)) {
            Map<String, String> names = new LinkedHashMap<>();
            Matcher uri = LAMBDA_URI.matcher(text);
            StringBuilder replaced = new StringBuilder();
            while (uri.find()) {
                String name = names.computeIfAbsent(uri.group(), u -> "GatehouseUri" + names.size());
                uri.appendReplacement(replaced, Matcher.quoteReplacement("${" + name + "}"));
            }
            uri.appendTail(replaced);
            if (names.isEmpty()) {
                parts.add(part(text));
                continue;
            }
            Map<String, Object> variables = new LinkedHashMap<>();
            names.forEach((value, name) -> variables.put(name, Map.of("Fn::Sub", value)));
            parts.add(Map.of("Fn::Sub", List.of(replaced.toString(), variables)));
        }
        return Map.of("Fn::Join", List.of("", parts));
    }

    /** The same text with every quote an apostrophe: no JSON escaping, to measure what escaping costs. */
    static Map<String, Object> apostrophes(Map<String, Object> body) {
        return join(texts(body).stream().map(text -> text.replace('"', '\'')).toList());
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
