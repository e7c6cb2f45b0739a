package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The summary printed at start names the sample's deploy-time values as the gateway resolved them
 * locally: function ARNs, the generated API key's value, the API's local id.
 */
class StartSummaryTest {
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
    private static LocalGateway gateway;
    private static String summary;

    @BeforeAll
    static void serve() {
        gateway = LocalGateway.Builder.create(TestApps.sample()).stack("GatehouseSample").accessLog(line -> { }).build();
        summary = gateway.summary();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** The lines of a section ("Functions:"), up to the next line that is not indented. */
    private static List<String> section(String heading) {
        List<String> lines = summary.lines().toList();
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, "no " + heading + " in\n" + summary);
        return lines.subList(start + 1, lines.size()).stream().takeWhile(l -> l.startsWith("  ")).toList();
    }

    @Test
    void namesTheApiStageAccountAndRegion() {
        // Given the sample served locally, then the first line names the API with its local id
        String first = summary.lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("REST API gatehouse-sample ("), first);
        assertTrue(first.contains("local id " + gateway.apiId() + "), stage prod, account 123456789012, region us-east-1"),
                first);
    }

    @Test
    void functionsHaveLocalArnsNotDeployTimeTokens() {
        // Given the sample's functions, then each is listed with an ARN in the local account and region
        List<String> functions = section("Functions:");
        assertTrue(functions.stream().anyMatch(l -> l.startsWith("  Echo") && l.contains(" java21  " + FUNCTION_ARN)),
                String.join("\n", functions));
        for (String line : functions) {
            assertTrue(line.contains("  " + FUNCTION_ARN), line);
            String arn = line.substring(line.indexOf(FUNCTION_ARN)).split(" ")[0];
            assertTrue(arn.length() > FUNCTION_ARN.length(), line);
            assertFalse(arn.contains("${") || arn.contains("Fn::") || arn.contains("Ref") || arn.contains("{"), line);
        }
        // and the routes served by a function name it
        assertTrue(summary.contains("GET /whoami  ->  aws_proxy Echo"), summary);
    }

    @Test
    void generatedApiKeyValueIsTheOneTheGatewayAccepts() {
        // Given the acme key, whose value API Gateway generates at deploy time
        String value = gateway.apiKey("acme");
        assertEquals(40, value.length(), value);

        // Then the summary prints that value, with its plan
        List<String> keys = section("API keys (send as x-api-key):");
        String acme = keys.stream().filter(l -> l.startsWith("  acme  ")).findFirst()
                .orElseThrow(() -> new AssertionError(String.join("\n", keys)));
        assertTrue(acme.contains("  value " + value + "  usage plans "), acme);
        assertFalse(acme.contains("${") || acme.contains("Fn::"), acme);
        // and the gateway accepts that value on the partner route (IAM-signed, then keyed)
        String signature = "AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20260101/us-east-1/execute-api/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=0123";
        LocalResponse response = gateway.client().get("/partner/status").header("Authorization", signature)
                .header("x-api-key", value).send();
        assertEquals(200, response.status(), response.body());
    }
}
