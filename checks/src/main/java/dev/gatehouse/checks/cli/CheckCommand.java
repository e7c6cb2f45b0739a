package dev.gatehouse.checks.cli;

import dev.gatehouse.checks.CheckResult;
import dev.gatehouse.checks.DeployChecks;
import dev.gatehouse.checks.Finding;
import dev.gatehouse.checks.Severity;
import dev.gatehouse.checks.openapi.OpenApiCheck;
import dev.gatehouse.checks.posture.ApiPostureCheck;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command-line checker:
 *
 * <pre>
 * java -jar gatehouse-checks-cli.jar [--posture] [--fail-on-warnings] FILE_OR_DIRECTORY...
 * </pre>
 *
 * Each argument is an OpenAPI document (JSON or YAML, OpenAPI 3.0 or Swagger 2.0), a
 * CloudFormation template (JSON or YAML), or a cloud assembly directory ({@code cdk.out}), whose
 * stacks are checked with the documents they keep in S3 assets. Each input is printed with its
 * findings (check, subject, path in it, problem and fix) and a summary line; a last line sums up. Exit status: 0 when nothing would be
 * rejected, 1 when something would (or, with {@code --fail-on-warnings}, when there is any
 * finding), 2 when the command line or an input cannot be used.
 */
public final class CheckCommand {
    /** Exit status: no errors. */
    static final int OK = 0;
    /** Exit status: errors (or warnings, with --fail-on-warnings). */
    static final int FINDINGS = 1;
    /** Exit status: bad command line, or an input that cannot be checked. */
    static final int UNUSABLE = 2;

    static final String USAGE = """
            Usage: java -jar gatehouse-checks-cli.jar [options] FILE_OR_DIRECTORY...

            Checks, without AWS, whether CloudFormation and API Gateway would accept:
              an OpenAPI document      JSON or YAML, OpenAPI 3.0 or Swagger 2.0, as API Gateway imports it
              a CloudFormation template JSON or YAML: resource schema, Lambda VPC access, every RestApi document
              a cloud assembly          the directory cdk synth writes (cdk.out): every stack, with the
                                        documents its RestApis keep in S3 assets (BodyS3Location)

            Options:
              --posture           also apply Gatehouse's API posture rules (authorization declared,
                                  request validation, stage logging and tracing)
              --fail-on-warnings  exit 1 on warnings too (as API Gateway's failonwarnings=true would)
              -h, --help          print this help

            Exit status: 0 nothing would be rejected, 1 findings that fail the check, 2 unusable input.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private boolean posture;
    private boolean failOnWarnings;
    private int errors;
    private int warnings;

    CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns its exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return new CheckCommand(out, err).execute(args);
    }

    int execute(String[] args) {
        List<Path> paths = new ArrayList<>();
        for (String arg : args) {
            switch (arg) {
                case "--posture" -> posture = true;
                case "--fail-on-warnings" -> failOnWarnings = true;
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return OK;
                }
                default -> {
                    if (arg.startsWith("-")) {
                        err.println("Unknown option " + arg + ".");
                        err.print(USAGE);
                        return UNUSABLE;
                    }
                    paths.add(Path.of(arg));
                }
            }
        }
        if (paths.isEmpty()) {
            err.print(USAGE);
            return UNUSABLE;
        }
        int checked = 0;
        boolean unusable = false;
        for (Path path : paths) {
            try {
                for (Input input : Input.of(path)) {
                    check(input);
                    checked++;
                }
            } catch (Input.Unusable e) {
                err.println("Cannot check: " + e.getMessage());
                unusable = true;
            } catch (IllegalStateException e) {
                err.println(e.getMessage()); // the resource database cannot be found
                return UNUSABLE;
            }
        }
        boolean failed = errors > 0 || failOnWarnings && warnings > 0;
        out.println(checked + " checked: " + count(errors, "error") + ", " + count(warnings, "warning") + ". "
                + (failed ? "FAILED" : "PASSED") + (unusable ? " (some inputs could not be checked)" : ""));
        return unusable ? UNUSABLE : failed ? FINDINGS : OK;
    }

    private void check(Input input) {
        List<CheckResult> results = new ArrayList<>();
        String name;
        if (input instanceof Input.Document document) {
            name = document.file().toString();
            String subject = String.valueOf(document.file().getFileName());
            results.add(OpenApiCheck.withSharedSpec().checkDocument(document.document(), subject));
            if (posture) {
                results.add(new ApiPostureCheck().checkDocument(document.document(), subject));
            }
        } else {
            Input.Template template = (Input.Template) input;
            name = template.name();
            results.addAll(posture ? DeployChecks.all(template.template(), template.s3())
                    : DeployChecks.deployability(template.template(), template.s3()));
        }
        out.println(name);
        int inputErrors = 0;
        int inputWarnings = 0;
        for (CheckResult result : results) {
            for (Finding finding : result.findings()) {
                out.println("  " + finding);
                if (finding.severity() == Severity.ERROR) {
                    inputErrors++;
                } else {
                    inputWarnings++;
                }
            }
        }
        errors += inputErrors;
        warnings += inputWarnings;
        out.println("  " + count(inputErrors, "error") + ", " + count(inputWarnings, "warning") + " ("
                + results.stream().map(r -> r.check() + ": " + r.checked()).collect(Collectors.joining("; ")) + ")");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
