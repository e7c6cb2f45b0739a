package dev.gatehouse.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.checks.openapi.OpenApiCheck;
import dev.gatehouse.checks.posture.ApiPostureCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RestApi documents in S3, read from the cloud assembly: aws-cdk's own integration test snapshot
 * of a SpecRestApi whose definition is a file asset (src/test/resources/corpus/cloud-assembly).
 */
class CloudAssemblyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STACK = "test-apigateway-spec-restapi";
    private static final String API = "myapi4C7BF186";
    private static final String ASSET = "asset.68497ac876de4e963fc8f7b5f1b28844c18ecc95e3f7c6e9e0bf250e03c037fb.yaml";
    private static final String SUBJECT = API + " BodyS3Location (" + ASSET + ")";

    @TempDir
    Path temp;

    /** A copy of the snapshot in a temporary directory, to break. */
    private Path snapshot() {
        try {
            Path source = Path.of(CloudAssemblyTest.class.getResource("/corpus/cloud-assembly/spec-restapi").toURI());
            Path copy = temp.resolve("cdk.out");
            Files.createDirectories(copy);
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lines(List<Finding> findings) {
        return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
    }

    private static List<Finding> openApiFindings(CloudAssembly assembly) {
        return OpenApiCheck.withSharedSpec().checkTemplate(assembly.stack(STACK).orElseThrow().template(), assembly).findings();
    }

    @Test
    void theDocumentOfABodyS3LocationIsReadFromTheAssetAndChecked() {
        // Given the cloud assembly aws-cdk synthesized for a SpecRestApi with ApiDefinition.fromAsset
        CloudAssembly assembly = CloudAssembly.read(snapshot());
        JsonNode template = assembly.stack(STACK).orElseThrow().template();

        // When the deployability checks run with the assembly
        List<CheckResult> results = DeployChecks.deployability(template, assembly);

        // Then the asset's document was checked like an inline Body, and nothing is wrong
        assertEquals(List.of(STACK), assembly.stacks().stream().map(CloudAssembly.Stack::name).toList());
        CheckResult openApi = results.get(2);
        assertEquals("1 RestApi Body document, 1 operations (1 read from S3 assets)", openApi.checked());
        assertEquals("", lines(results.stream().flatMap(r -> r.findings().stream()).toList()));

        // and the posture check reads it too (its one operation declares no security)
        CheckResult posture = new ApiPostureCheck().checkTemplate(template, assembly);
        assertEquals(SUBJECT, posture.findings().get(0).subject(), lines(posture.findings()));
        assertTrue(posture.findings().get(0).message().contains("GET /pets: no authorization declared"),
                lines(posture.findings()));
    }

    @Test
    void withoutTheAssemblyTheDocumentInS3IsAWarningNotASilentPass() {
        // Given only the template
        JsonNode template = CloudAssembly.read(snapshot()).stack(STACK).orElseThrow().template();

        // When checked, Then the unchecked document is a finding that says how to check it
        List<Finding> findings = DeployChecks.deployabilityFindings(template);
        assertEquals(1, findings.size(), lines(findings));
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertEquals(API + " BodyS3Location", findings.get(0).subject());
        assertTrue(findings.get(0).message().contains("the document is in S3 and only the template was given, so it is "
                + "not checked. Fix: check the cloud assembly (cdk.out)"), findings.get(0).message());
    }

    @Test
    void aBrokenAssetFailsWithItsPathInTheAsset() throws IOException {
        // Given the asset's only operation without its integration
        Path cdkOut = snapshot();
        Path asset = cdkOut.resolve(ASSET);
        String text = Files.readString(asset);
        Files.writeString(asset, text.substring(0, text.indexOf("      x-amazon-apigateway-integration:"))
                + text.substring(text.indexOf("components:")));

        // When checked, Then the error names the asset and the operation
        List<Finding> findings = openApiFindings(CloudAssembly.read(cdkOut));
        assertEquals(1, findings.size(), lines(findings));
        assertEquals(SUBJECT + " paths./pets.get", findings.get(0).location());
        assertTrue(findings.get(0).message().contains("the operation has no x-amazon-apigateway-integration"));
    }

    @Test
    void anIntrinsicInAnAssetIsAnErrorSinceCloudFormationDoesNotProcessIt() throws IOException {
        // Given an asset whose integration response names a stack parameter, as a template would
        Path cdkOut = snapshot();
        Path asset = cdkOut.resolve(ASSET);
        Files.writeString(asset, Files.readString(asset).replace("passthroughBehavior: when_no_match",
                "passthroughBehavior:\n          Ref: Passthrough"));

        // When checked, Then API Gateway would receive the object: an error at its path
        List<Finding> findings = openApiFindings(CloudAssembly.read(cdkOut));
        assertEquals(Severity.ERROR, findings.get(0).severity(), lines(findings));
        assertEquals(SUBJECT + " paths./pets.get.x-amazon-apigateway-integration.passthroughBehavior",
                findings.get(0).location());
        assertTrue(findings.get(0).message().startsWith("CloudFormation does not process a document in BodyS3Location"));
    }

    @Test
    void aMissingAssetFileIsAnErrorAndAnObjectOutsideTheAssemblyAWarning() throws IOException {
        // Given the asset file deleted
        Path cdkOut = snapshot();
        Files.delete(cdkOut.resolve(ASSET));

        // When checked, Then it is an error (the CDK could not publish it either)
        List<Finding> missing = openApiFindings(CloudAssembly.read(cdkOut));
        assertEquals(1, missing.size(), lines(missing));
        assertEquals(Severity.ERROR, missing.get(0).severity());
        assertTrue(missing.get(0).message().contains("is missing from the cloud assembly"), missing.get(0).message());

        // Given a BodyS3Location in a bucket of the user's (ApiDefinition.fromBucket), When checked, Then a warning
        CloudAssembly assembly = CloudAssembly.read(cdkOut);
        ObjectNode template = (ObjectNode) assembly.stack(STACK).orElseThrow().template();
        ((ObjectNode) template.at("/Resources/" + API + "/Properties/BodyS3Location")).put("Bucket", "my-specs").put("Key", "orders.yaml");
        List<Finding> outside = OpenApiCheck.withSharedSpec().checkTemplate(template, assembly).findings();
        assertEquals(1, outside.size(), lines(outside));
        assertEquals(Severity.WARNING, outside.get(0).severity());
        assertTrue(outside.get(0).message().startsWith("the document is read from s3://my-specs/orders.yaml at deploy "
                + "time, which is not an asset of the cloud assembly"), outside.get(0).message());
    }

    @Test
    void anAwsIncludeOfAnAssetIsReadAndItsIntrinsicsAreResolvedByCloudFormation() throws IOException {
        // Given the RestApi's Body as an AWS::Include of the asset, whose document names a function of the template
        Path cdkOut = snapshot();
        Path asset = cdkOut.resolve(ASSET);
        Files.writeString(asset, Files.readString(asset).replace("        type: mock", "        type: aws_proxy\n"
                + "        httpMethod: POST\n"
                + "        uri:\n"
                + "          Fn::Sub: arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                + "${MyHandler6B74D312.Arn}/invocations"));
        CloudAssembly assembly = CloudAssembly.read(cdkOut);
        ObjectNode template = (ObjectNode) assembly.stack(STACK).orElseThrow().template();
        ObjectNode properties = (ObjectNode) template.at("/Resources/" + API + "/Properties");
        properties.remove("BodyS3Location");
        properties.set("Body", JSON.readTree("""
                {"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": {"Fn::Sub":
                  "s3://cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}/68497ac876de4e963fc8f7b5f1b28844c18ecc95e3f7c6e9e0bf250e03c037fb.yaml"}}}}"""));

        // When checked, Then the included document is checked with the template's values: nothing is wrong
        List<CheckResult> results = DeployChecks.deployability(template, assembly);
        assertEquals("", lines(results.stream().flatMap(r -> r.findings().stream()).toList()));
        assertEquals("1 RestApi Body document, 1 operations (1 read from S3 assets)", results.get(2).checked());

        // and a Ref of the function (its name) in it is reported against the included document
        Files.writeString(asset, Files.readString(asset).replace("${MyHandler6B74D312.Arn}", "${MyHandler6B74D312}"));
        List<Finding> findings = OpenApiCheck.withSharedSpec().checkTemplate(template, CloudAssembly.read(cdkOut)).findings();
        assertEquals(API + " Body (" + ASSET + ") paths./pets.get.x-amazon-apigateway-integration.uri",
                findings.get(0).location(), lines(findings));
    }

    @Test
    void theLegacySynthesizersAssetParametersAreFollowed() throws IOException {
        // Given a cloud assembly as the legacy synthesizer writes it: asset metadata naming template parameters
        Path cdkOut = temp.resolve("legacy");
        Files.createDirectories(cdkOut);
        Files.copy(Path.of(snapshot().resolve(ASSET).toString()), cdkOut.resolve("asset.abc.yaml"));
        Files.writeString(cdkOut.resolve("manifest.json"), """
                {"version": "21.0.0", "artifacts": {"Legacy": {"type": "aws:cloudformation:stack",
                  "properties": {"templateFile": "Legacy.template.json"},
                  "metadata": {"/Legacy": [{"type": "aws:cdk:asset", "data": {"path": "asset.abc.yaml", "id": "abc",
                    "packaging": "file", "sourceHash": "abc", "s3BucketParameter": "AssetParametersabcS3Bucket",
                    "s3KeyParameter": "AssetParametersabcS3VersionKey", "artifactHashParameter": "AssetParametersabcArtifactHash"}}]}}}}""");
        Files.writeString(cdkOut.resolve("Legacy.template.json"), """
                {"Parameters": {"AssetParametersabcS3Bucket": {"Type": "String"}, "AssetParametersabcS3VersionKey": {"Type": "String"}},
                 "Resources": {"Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"BodyS3Location": {
                   "Bucket": {"Ref": "AssetParametersabcS3Bucket"},
                   "Key": {"Fn::Join": ["", [{"Fn::Select": [0, {"Fn::Split": ["||", {"Ref": "AssetParametersabcS3VersionKey"}]}]},
                     {"Fn::Select": [1, {"Fn::Split": ["||", {"Ref": "AssetParametersabcS3VersionKey"}]}]}]]}}}}}}""");

        // When checked with the assembly, Then the asset's document is read
        CloudAssembly assembly = CloudAssembly.read(cdkOut);
        CheckResult result = OpenApiCheck.withSharedSpec().checkTemplate(assembly.stack("Legacy").orElseThrow().template(), assembly);
        assertEquals("1 RestApi Body document, 1 operations (1 read from S3 assets)", result.checked());
        assertEquals("", lines(result.findings()));
    }

    /** A cloud assembly holding an API as Gatehouse writes a large one: its document published by a custom resource. */
    private Path gatehouseForm(String assetText) throws IOException {
        Path cdkOut = temp.resolve("gatehouse");
        Files.createDirectories(cdkOut);
        Files.writeString(cdkOut.resolve("asset.doc.json"), assetText);
        Files.writeString(cdkOut.resolve("manifest.json"), """
                {"version": "52.0.0", "artifacts": {"Big": {"type": "aws:cloudformation:stack",
                  "properties": {"templateFile": "Big.template.json"}}}}""");
        Files.writeString(cdkOut.resolve("Big.assets.json"), """
                {"version": "52.0.0", "files": {"doc": {"source": {"path": "asset.doc.json", "packaging": "file"},
                  "destinations": {"d": {"bucketName": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}",
                    "objectKey": "doc.json"}}}}}""");
        Files.writeString(cdkOut.resolve("Big.template.json"), """
                {"Resources": {
                  "Fn": {"Type": "AWS::Lambda::Function", "Properties": {}},
                  "Doc": {"Type": "Custom::GatehouseOpenApiDocument", "Properties": {
                    "ServiceToken": "arn:aws:lambda:eu-west-1:111122223333:function:publisher",
                    "SourceBucket": {"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"},
                    "SourceKey": "doc.json", "Bucket": "documents", "KeyPrefix": "openapi/",
                    "Values": {"GatehouseValue0": {"Fn::GetAtt": ["Fn", "Arn"]}, "GatehouseDollarBrace": "${"}}},
                  "Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"BodyS3Location": {
                    "Bucket": {"Fn::GetAtt": ["Doc", "Bucket"]}, "Key": {"Fn::GetAtt": ["Doc", "Key"]},
                    "Version": {"Fn::GetAtt": ["Doc", "VersionId"]}}}}}}""");
        return cdkOut;
    }

    private static final String GATEHOUSE_DOCUMENT = """
            {"openapi": "3.0.1", "info": {"title": "Big", "version": "1"},
             "paths": {"/orders": {"get": {"responses": {"200": {"description": "OK"}},
               "x-amazon-apigateway-integration": {"type": "aws_proxy", "httpMethod": "POST",
                 "uri": "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${GatehouseValue0}/invocations"}}}}}""";

    @Test
    void aDocumentThatGatehousePublishesIsFilledInWithItsValuesAndChecked() throws IOException {
        // Given an API whose BodyS3Location names the attributes of Gatehouse's document publisher
        CloudAssembly assembly = CloudAssembly.read(gatehouseForm(GATEHOUSE_DOCUMENT));
        JsonNode template = assembly.stack("Big").orElseThrow().template();

        // When checked with the assembly
        CheckResult result = OpenApiCheck.withSharedSpec().checkTemplate(template, assembly);

        // Then the asset is read, its placeholders are deploy-time values (no intrinsic is left raw), and nothing is wrong
        assertEquals("1 RestApi Body document, 1 operations (1 read from S3 assets)", result.checked());
        assertEquals("", lines(result.findings()));
        RestApiDocuments.Document document = RestApiDocuments.of(template, assembly).documents().get(0);
        assertEquals("Api BodyS3Location (Custom::GatehouseOpenApiDocument of asset.doc.json)", document.subject());
        assertEquals("{\"Fn::Sub\":[\"arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                + "${GatehouseValue0}/invocations\",{\"GatehouseValue0\":{\"Fn::GetAtt\":[\"Fn\",\"Arn\"]}}]}",
                document.document().at("/paths/~1orders/get/x-amazon-apigateway-integration/uri").toString());
    }

    @Test
    void aBrokenDocumentOfGatehousesPublisherIsAnErrorAndWithoutTheAssemblyAWarning() throws IOException {
        // Given the publisher's asset is not JSON
        CloudAssembly assembly = CloudAssembly.read(gatehouseForm("{\"openapi\": "));
        JsonNode template = assembly.stack("Big").orElseThrow().template();

        // When checked, Then an error names the publisher and its asset
        List<Finding> findings = OpenApiCheck.withSharedSpec().checkTemplate(template, assembly).findings();
        assertEquals(1, findings.size(), lines(findings));
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertTrue(findings.get(0).toString().contains("Custom::GatehouseOpenApiDocument of asset.doc.json"), lines(findings));

        // and the template alone says that the document was not checked
        List<Finding> alone = OpenApiCheck.withSharedSpec().checkTemplate(template).findings();
        assertEquals(Severity.WARNING, alone.get(0).severity(), lines(alone));
        assertTrue(alone.get(0).message().contains("only the template was given"), lines(alone));
    }

    @Test
    void aDirectoryWithoutAManifestIsNoCloudAssembly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CloudAssembly.read(temp));
        assertEquals(temp + " is not a cloud assembly (it has no manifest.json). Fix: give the directory `cdk synth` "
                + "writes, cdk.out by default.", e.getMessage());
    }
}
