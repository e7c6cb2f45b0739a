package dev.gatehouse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The opt-in real deployment: runs scripts/deploy-smoke.sh (deploy the sample, call every route,
 * destroy it) only when asked for ({@code GATEHOUSE_DEPLOY_SMOKE=1}) and AWS credentials are
 * present. Otherwise it is skipped, and says why on the console: this class runs in its own
 * surefire execution whose output is not redirected to a file (test/pom.xml). Never faked: without
 * a deployment there is no pass.
 */
class DeploySmokeTest {
    /** Environment variable that opts in to deploying to a real AWS account. */
    static final String OPT_IN = "GATEHOUSE_DEPLOY_SMOKE";
    private static final Path ROOT = Path.of(System.getProperty("gatehouse.root", "..")).toAbsolutePath().normalize();

    private static void skip(String reason) {
        String message = "Real deployment skipped: " + reason + ". Run scripts/deploy-smoke.sh, or set " + OPT_IN
                + "=1 with AWS credentials (docs/how-we-know-it-deploys.md).";
        System.out.println("[deploy-smoke] " + message);
        Assumptions.abort(message);
    }

    @Test
    void deploysTheSampleCallsEveryRouteAndDestroysIt() throws Exception {
        List<String> missing = new ArrayList<>();
        if (!"1".equals(System.getenv(OPT_IN))) {
            missing.add(OPT_IN + "=1 is not set (the test deploys to a real AWS account, which costs money)");
        }
        if (!awsCredentialsConfigured()) {
            missing.add("no AWS credentials are configured (AWS_PROFILE, AWS_ACCESS_KEY_ID, a web identity token, "
                    + "container credentials or ~/.aws)");
        }
        if (!missing.isEmpty()) {
            skip(String.join("; ", missing));
        }

        // The script's output goes to the console as it runs (a deployment takes minutes) and to a log.
        Path log = ROOT.resolve("test/target/deploy-smoke.log");
        Files.createDirectories(log.getParent());
        Process smoke = new ProcessBuilder("bash", ROOT.resolve("scripts/deploy-smoke.sh").toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(smoke.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter file = new PrintWriter(Files.newBufferedWriter(log))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println("[deploy-smoke] " + line);
                file.println(line);
                output.append(line).append('\n');
            }
        }
        int status = smoke.waitFor();
        if (status == 2) {
            skip("a prerequisite is missing: " + output.toString().lines()
                    .filter(l -> l.startsWith("deploy-smoke:")).findFirst().orElse("see " + log));
        }
        assertEquals(0, status, "deploy-smoke.sh failed; its output is in " + log);
        assertTrue(output.toString().contains("deploy-smoke: every call answered as expected"), output.toString());
    }

    private static boolean awsCredentialsConfigured() {
        Map<String, String> env = System.getenv();
        for (String variable : List.of("AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
            if (env.get(variable) != null && !env.get(variable).isBlank()) {
                return true;
            }
        }
        Path aws = Path.of(System.getProperty("user.home"), ".aws");
        return Files.isRegularFile(aws.resolve("credentials")) || Files.isRegularFile(aws.resolve("config"));
    }
}
