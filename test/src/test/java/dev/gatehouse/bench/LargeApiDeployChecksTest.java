package dev.gatehouse.bench;

import static dev.gatehouse.deploy.CheckAssertions.assertClean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.checks.CheckResult;
import dev.gatehouse.checks.cfn.TemplateSchemaCheck;
import dev.gatehouse.checks.openapi.OpenApiCheck;
import dev.gatehouse.checks.posture.ApiPostureCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The route-scale benchmark's largest API (1,000 Lambda routes over 5 functions), synthesized
 * once, passes every deploy check, with and without caching; so does the stock aws-cdk-lib RestApi
 * it is compared with, as far as CloudFormation is concerned (100 routes: it cannot synthesize 1,000).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeApiDeployChecksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Routes of the benchmark's mixed API that fit CloudFormation's 1 MB template. */
    private static final int MIXED_ROUTES_IN_1_MB = 400;
    private JsonNode gatehouse;
    private long gatehouseBytes;
    private JsonNode stock;
    private JsonNode mixed;
    private JsonNode mixedFitting;
    private long mixedFittingBytes;
    private JsonNode cached;
    private long cachedBytes;

    @BeforeAll
    void synthesize() throws IOException {
        App app = new App();
        RouteScaleBenchmark.define(app, "Gatehouse", RouteScaleBenchmark.GATEHOUSE, 1000);
        RouteScaleBenchmark.define(app, "Stock", RouteScaleBenchmark.STOCK, 100);
        RouteScaleBenchmark.define(app, "Mixed", RouteScaleBenchmark.MIXED, 1000);
        RouteScaleBenchmark.define(app, "MixedFitting", RouteScaleBenchmark.MIXED, MIXED_ROUTES_IN_1_MB);
        RouteScaleBenchmark.define(app, "Cached", RouteScaleBenchmark.GATEHOUSE_CACHED, 1000);
        CloudAssembly assembly = app.synth();
        Path gatehouseFile = Path.of(assembly.getStackByName("Gatehouse").getTemplateFullPath());
        gatehouse = JSON.readTree(gatehouseFile.toFile());
        gatehouseBytes = Files.size(gatehouseFile);
        stock = JSON.readTree(Path.of(assembly.getStackByName("Stock").getTemplateFullPath()).toFile());
        mixed = JSON.readTree(Path.of(assembly.getStackByName("Mixed").getTemplateFullPath()).toFile());
        Path fittingFile = Path.of(assembly.getStackByName("MixedFitting").getTemplateFullPath());
        mixedFitting = JSON.readTree(fittingFile.toFile());
        mixedFittingBytes = Files.size(fittingFile);
        Path cachedFile = Path.of(assembly.getStackByName("Cached").getTemplateFullPath());
        cached = JSON.readTree(cachedFile.toFile());
        cachedBytes = Files.size(cachedFile);
    }

    @Test
    void thousandRoutesOfSevenIntegrationKindsTakeAFewDozenResources() {
        // the 1,000-route Lambda API's resources, plus one state machine (and its role), queue (and
        // its SSL policy), bus, table and the API's one execution role: per target, never per route
        assertEquals(gatehouse.get("Resources").size() + 7, mixed.get("Resources").size());
        CheckResult openApi = OpenApiCheck.withSharedSpec().checkTemplate(mixed);
        assertClean(openApi);
        assertEquals("1 RestApi Body document, 1000 operations", openApi.checked());
        assertClean(new ApiPostureCheck().checkTemplate(mixed));
    }

    @Test
    void mixedRoutesFitOneTemplateUpToTheirByteLimit() {
        // AWS-service routes carry their mapping templates: template bytes, not resources, bound
        // how many fit one stack (docs/benchmarks.md)
        CheckResult schema = TemplateSchemaCheck.withSharedSpec().check(mixedFitting, mixedFittingBytes);
        assertClean(schema);
        assertTrue(mixedFittingBytes < TemplateSchemaCheck.MAX_TEMPLATE_BYTES, mixedFittingBytes + " bytes");
        assertClean(OpenApiCheck.withSharedSpec().checkTemplate(mixedFitting));
    }

    @Test
    void thousandRouteGatehouseApiPassesEveryCheck() {
        CheckResult schema = TemplateSchemaCheck.withSharedSpec().check(gatehouse, gatehouseBytes);
        assertClean(schema);
        assertTrue(gatehouseBytes < TemplateSchemaCheck.MAX_TEMPLATE_BYTES, gatehouseBytes + " bytes");
        CheckResult openApi = OpenApiCheck.withSharedSpec().checkTemplate(gatehouse);
        assertClean(openApi);
        assertEquals("1 RestApi Body document, 1000 operations", openApi.checked());
        assertClean(new ApiPostureCheck().checkTemplate(gatehouse));
    }

    @Test
    void thousandRoutesWithCachingPassEveryCheckWithOneEntryPerOverridingRoute() {
        assertClean(TemplateSchemaCheck.withSharedSpec().check(cached, cachedBytes));
        assertClean(OpenApiCheck.withSharedSpec().checkTemplate(cached));
        assertClean(new ApiPostureCheck().checkTemplate(cached));
        // 125 cached routes (63 of them also throttled: one entry each) and 63 throttled ones, besides the stage's
        JsonNode settings = null;
        int customResources = 0;
        for (JsonNode resource : cached.get("Resources")) {
            String type = resource.get("Type").asText();
            if (type.equals("AWS::ApiGateway::Stage")) {
                settings = resource.at("/Properties/MethodSettings");
            }
            customResources += type.equals("Custom::GatehouseStageCache") ? 1 : 0;
        }
        assertEquals(1 + 125 + 63, settings.size());
        assertEquals(1, customResources);
        // the cache's custom resource and its functions are per API, not per route
        assertTrue(cached.get("Resources").size() <= gatehouse.get("Resources").size() + 10,
                cached.get("Resources").size() + " resources");
    }

    @Test
    void stockRestApiIsAcceptedByCloudFormationToo() {
        // 100 Lambda routes as AWS::ApiGateway::Resource, Method and Lambda::Permission resources
        CheckResult schema = TemplateSchemaCheck.withSharedSpec().check(stock);
        assertClean(schema);
        assertTrue(schema.checked().startsWith("363 resources"), schema.checked());
    }
}
