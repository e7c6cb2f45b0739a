package dev.gatehouse.checks.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.checks.CheckResult;
import dev.gatehouse.checks.Finding;
import dev.gatehouse.checks.Severity;
import dev.gatehouse.checks.cfn.TemplateSchemaCheck;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A one-page, plain-text report of a stack's deploy checks: the template's resources by type, each
 * check with PASS or FAIL and what it looked at, every finding, and notes (accepted findings with
 * their reasons, what was not checked).
 */
public final class DeployReport {
    /** Findings listed per check before the rest is summarized, to keep the report to a page. */
    static final int MAX_FINDINGS_PER_CHECK = 15;
    private static final int WIDTH = 100;

    /** A titled list of lines printed after the findings. */
    public record Note(String heading, List<String> lines) {
        public Note {
            lines = List.copyOf(lines);
        }
    }

    private final String stack;
    private final JsonNode template;
    private final long templateBytes;
    private final List<CheckResult> results;
    private final List<Note> notes;

    /**
     * @param stack the stack's name
     * @param template its synthesized template
     * @param templateBytes the size of the template file
     * @param results the checks' results, in the order to print
     * @param notes printed last, in order
     */
    public DeployReport(String stack, JsonNode template, long templateBytes, List<CheckResult> results, List<Note> notes) {
        this.stack = stack;
        this.template = template;
        this.templateBytes = templateBytes;
        this.results = List.copyOf(results);
        this.notes = List.copyOf(notes);
    }

    /** True when every check passed (warnings allowed). */
    public boolean passed() {
        return results.stream().allMatch(CheckResult::passed);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        String heading = "Deploy report: " + stack;
        out.append(heading).append('\n').append("=".repeat(heading.length())).append("\n\n");
        Map<String, Integer> types = new TreeMap<>();
        template.path("Resources").forEach(r -> types.merge(r.path("Type").asText("?"), 1, Integer::sum));
        int resources = types.values().stream().mapToInt(Integer::intValue).sum();
        out.append(String.format(Locale.ROOT, "Template: %d resources (CloudFormation allows %d), %,d bytes (allows %,d)%n%n",
                resources, TemplateSchemaCheck.MAX_RESOURCES, templateBytes, TemplateSchemaCheck.MAX_TEMPLATE_BYTES));

        out.append("Resources by type\n");
        // one line per service: "AWS::EC2 (27): 4 Route, 4 RouteTable, ..."
        Map<String, List<Map.Entry<String, Integer>>> byService = new TreeMap<>();
        types.entrySet().forEach(e -> byService.computeIfAbsent(service(e.getKey()), k -> new ArrayList<>()).add(e));
        byService.forEach((service, entries) -> wrap(out, service + " (" + entries.stream().mapToInt(Map.Entry::getValue).sum()
                + "): " + String.join(", ", entries.stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                                .thenComparing(Map.Entry.comparingByKey()))
                        .map(e -> e.getValue() + " " + (e.getKey().equals(service) ? e.getKey()
                                : e.getKey().substring(service.length() + 2))).toList()), "  "));

        out.append("\nChecks\n");
        int idWidth = results.stream().mapToInt(r -> r.check().length()).max().orElse(8);
        for (CheckResult r : results) {
            String status = r.passed() ? (r.findings().isEmpty() ? "PASS" : "PASS*") : "FAIL";
            String prefix = String.format(Locale.ROOT, "  %-5s %-" + idWidth + "s  ", status, r.check());
            wrap(out, r.title() + ": " + r.checked(), prefix, " ".repeat(prefix.length()));
        }

        out.append("\nFindings\n");
        List<Finding> all = new ArrayList<>();
        results.forEach(r -> all.addAll(r.findings()));
        if (all.isEmpty()) {
            out.append("  none\n");
        }
        for (CheckResult r : results) {
            List<Finding> findings = r.findings();
            for (int i = 0; i < Math.min(findings.size(), MAX_FINDINGS_PER_CHECK); i++) {
                Finding f = findings.get(i);
                wrap(out, (f.severity() == Severity.ERROR ? "ERROR " : "WARN  ") + "[" + f.check() + "] " + f.location()
                        + ": " + f.message(), "  ");
            }
            if (findings.size() > MAX_FINDINGS_PER_CHECK) {
                out.append("  ... and ").append(findings.size() - MAX_FINDINGS_PER_CHECK).append(" more from ")
                        .append(r.check()).append('\n');
            }
        }

        for (Note note : notes) {
            out.append('\n').append(note.heading()).append('\n');
            if (note.lines().isEmpty()) {
                out.append("  none\n");
            }
            note.lines().forEach(line -> wrap(out, line, "  "));
        }

        long errors = all.stream().filter(f -> f.severity() == Severity.ERROR).count();
        out.append(String.format(Locale.ROOT, "%nResult: %s (%d checks, %d errors, %d warnings)%n", passed() ? "PASS" : "FAIL",
                results.size(), errors, all.size() - errors));
        return out.toString();
    }

    /**
     * "AWS::EC2" of "AWS::EC2::Subnet"; "Custom" of the custom resource types ("Custom::Name"); any
     * other type without two "::" is its own service.
     */
    static String service(String type) {
        if (type.startsWith("Custom::")) {
            return "Custom";
        }
        int last = type.lastIndexOf("::");
        return last > 0 && type.indexOf("::") < last ? type.substring(0, last) : type;
    }

    /** Appends {@code text} wrapped at the page width, every line indented by {@code indent}. */
    private static void wrap(StringBuilder out, String text, String indent) {
        wrap(out, text, indent, indent + "  ");
    }

    /** Appends {@code text} wrapped at the page width, after {@code first}, later lines after {@code continuation}. */
    private static void wrap(StringBuilder out, String text, String first, String continuation) {
        StringBuilder line = new StringBuilder(first);
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > WIDTH && line.toString().trim().length() > 0) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(continuation);
            }
            line.append(word).append(' ');
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
