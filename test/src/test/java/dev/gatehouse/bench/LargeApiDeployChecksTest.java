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
 * The route-scale benchmark's large APIs pass every deploy check: 1,000 Lambda routes over 5
 * functions with the document in the template (documentLocation INLINE); with the defaults, 5,000
 * of them, 1,000 of seven integration kinds and 1,000 with caching, their documents in S3, read
 * from the cloud assembly as the publisher fills them in; so does the stock aws-cdk-lib RestApi they
 * are compared with, as far as CloudFormation is concerned (100 routes: it cannot synthesize 1,000).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeApiDeployChecksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private JsonNode gatehouse;
    private long gatehouseBytes;
    private JsonNode stock;
    private JsonNode mixed;
    private long mixedBytes;
    private JsonNode cached;
    private long cachedBytes;
    private dev.gatehouse.checks.CloudAssembly cdkOut;
    private JsonNode large;
    private long largeBytes;

    @BeforeAll
    void synthesize() throws IOException {
        App app = new App();
        RouteScaleBenchmark.define(app, "Gatehouse", RouteScaleBenchmark.GATEHOUSE_INLINE, 1000);
        RouteScaleBenchmark.define(app, "Stock", RouteScaleBenchmark.STOCK, 100);
        RouteScaleBenchmark.define(app, "Mixed", RouteScaleBenchmark.MIXED, 1000);
        RouteScaleBenchmark.define(app, "Cached", RouteScaleBenchmark.GATEHOUSE_CACHED, 1000);
        RouteScaleBenchmark.define(app, "Large", RouteScaleBenchmark.GATEHOUSE, RouteScaleBenchmark.LARGE);
        CloudAssembly assembly = app.synth();
        cdkOut = dev.gatehouse.checks.CloudAssembly.read(Path.of(assembly.getDirectory()));
        Path largeFile = Path.of(assembly.getStackByName("Large").getTemplateFullPath());
        large = JSON.readTree(largeFile.toFile());
        largeBytes = Files.size(largeFile);
        Path gatehouseFile = Path.of(assembly.getStackByName("Gatehouse").getTemplateFullPath());
        gatehouse = JSON.readTree(gatehouseFile.toFile());
        gatehouseBytes = Files.size(gatehouseFile);
        stock = JSON.readTree(Path.of(assembly.getStackByName("Stock").getTemplateFullPath()).toFile());
        Path mixedFile = Path.of(assembly.getStackByName("Mixed").getTemplateFullPath());
        mixed = JSON.readTree(mixedFile.toFile());
        mixedBytes = Files.size(mixedFile);
        Path cachedFile = Path.of(assembly.getStackByName("Cached").getTemplateFullPath());
        cached = JSON.readTree(cachedFile.toFile());
        cachedBytes = Files.size(cachedFile);
    }

    @Test
    void thousandRoutesOfSevenIntegrationKindsTakeAFewDozenResourcesAndFitOneTemplate() {
        // the Lambda API's resources (its document in S3, as the 5,000-route one's), plus one state
        // machine (and its role), queue (and its SSL policy), bus, table and the API's one execution
        // role: per target, never per route
        assertEquals(large.get("Resources").size() + 7, mixed.get("Resources").size());
        // AWS-service routes carry mapping templates, which made template bytes the bound before
        // documents went to S3 (docs/benchmarks.md): now 1,000 of them fit a template with room to spare
        CheckResult schema = TemplateSchemaCheck.withSharedSpec().check(mixed, mixedBytes);
        assertClean(schema);
        assertTrue(mixedBytes < 100_000, mixedBytes + " bytes");
        CheckResult openApi = OpenApiCheck.withSharedSpec().checkTemplate(mixed, cdkOut);
        assertClean(openApi);
        assertEquals("1 RestApi Body document, 1000 operations (1 read from S3 assets)", openApi.checked());
        assertClean(new ApiPostureCheck().checkTemplate(mixed, cdkOut));
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
        CheckResult openApi = OpenApiCheck.withSharedSpec().checkTemplate(cached, cdkOut);
        assertClean(openApi);
        assertEquals("1 RestApi Body document, 1000 operations (1 read from S3 assets)", openApi.checked());
        assertClean(new ApiPostureCheck().checkTemplate(cached, cdkOut));
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
        assertTrue(cached.get("Resources").size() <= large.get("Resources").size() + 10,
                cached.get("Resources").size() + " resources");
    }

    @Test
    void fiveThousandRoutesWithTheDefaultsFitTheTemplateWithTheirDocumentInS3() {
        CheckResult schema = TemplateSchemaCheck.withSharedSpec().check(large, largeBytes);
        assertClean(schema);
        assertTrue(largeBytes < 100_000, largeBytes + " bytes");
        JsonNode restApi = null;
        for (JsonNode resource : large.get("Resources")) {
            if (resource.get("Type").asText().equals("AWS::ApiGateway::RestApi")) {
                restApi = resource.get("Properties");
            }
        }
        assertTrue(restApi != null && restApi.has("BodyS3Location") && !restApi.has("Body"), String.valueOf(restApi));
        // the document is read from the cloud assembly as the publisher will write it, and checked
        CheckResult openApi = OpenApiCheck.withSharedSpec().checkTemplate(large, cdkOut);
        assertClean(openApi);
        assertEquals("1 RestApi Body document, 5000 operations (1 read from S3 assets)", openApi.checked());
        assertClean(new ApiPostureCheck().checkTemplate(large, cdkOut));
    }

    @Test
    void stockRestApiIsAcceptedByCloudFormationToo() {
        // 100 Lambda routes as AWS::ApiGateway::Resource, Method and Lambda::Permission resources
        CheckResult schema = TemplateSchemaCheck.withSharedSpec().check(stock);
        assertClean(schema);
        assertTrue(schema.checked().startsWith("363 resources"), schema.checked());
    }
}
