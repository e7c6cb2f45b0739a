package dev.gatehouse.checks.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.checks.CheckResult;
import dev.gatehouse.checks.CloudAssembly;
import dev.gatehouse.checks.Finding;
import dev.gatehouse.checks.RestApiDocuments;
import dev.gatehouse.checks.S3Documents;
import dev.gatehouse.checks.Severity;
import dev.gatehouse.checks.cfn.CfnSpec;
import dev.gatehouse.checks.cfn.ResourceType;
import dev.gatehouse.checks.internal.Intrinsics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks OpenAPI documents as API Gateway will import them: every {@code AWS::ApiGateway::RestApi}
 * {@code Body} of a template, or a document on its own (the exported {@code .openapi.json}).
 *
 * <ol>
 *   <li>Deploy-time values are rendered into strings ({@link DeployTimeValues}), and so are the
 *       AWS variables API Gateway resolves at import ({@code ${AWS::Region}}...).</li>
 *   <li>swagger-parser must read the document ({@code OpenAPIV3Parser}, references resolved); a
 *       Swagger 2.0 document is converted to OpenAPI 3.0 ({@link SwaggerConversion}). What it
 *       says about a document it can read is a warning, as the import's own are.</li>
 *   <li>API Gateway's import rules apply ({@link ApiGatewayImportRules}): errors for what the
 *       import rejects or what fails the deployment, warnings for what it ignores.</li>
 *   <li>The document must be at most 6 MB, API Gateway's limit for an imported definition.</li>
 * </ol>
 */
public final class OpenApiCheck {
    /** This check's id in findings. */
    public static final String ID = "openapi";
    /** API Gateway's limit on the size of an imported OpenAPI definition. */
    public static final long MAX_DOCUMENT_BYTES = 6L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REST_API = "AWS::ApiGateway::RestApi";

    private final CfnSpec spec;

    /**
     * @param spec tells which resource types' {@code Ref} is an ARN (a Lambda version's is); may
     *     be null, then only {@code Fn::GetAtt ...Arn} counts as an ARN
     */
    public OpenApiCheck(CfnSpec spec) {
        this.spec = spec;
    }

    /** The check with the database shared by this JVM. */
    public static OpenApiCheck withSharedSpec() {
        return new OpenApiCheck(CfnSpec.shared());
    }

    /**
     * Checks the document of every RestApi in {@code template}; a document in S3 is reported as
     * not checked ({@link S3Documents#NONE}).
     */
    public CheckResult checkTemplate(JsonNode template) {
        return checkTemplate(template, S3Documents.NONE);
    }

    /**
     * Checks the document of every RestApi in {@code template}, reading those in S3
     * ({@code BodyS3Location}, {@code AWS::Include}) through {@code s3}, e.g. a {@link CloudAssembly}.
     */
    public CheckResult checkTemplate(JsonNode template, S3Documents s3) {
        Map<String, String> types = new HashMap<>();
        template.path("Resources").properties().forEach(e -> types.put(e.getKey(), e.getValue().path("Type").asText()));
        DeployTimeValues values = values(types);
        List<Finding> findings = new ArrayList<>();
        RestApiDocuments.Read read = RestApiDocuments.of(template, s3);
        read.unreadable().forEach(u -> findings.add(new Finding(ID, u.severity(), u.subject(), "", u.problem())));
        int operations = 0;
        for (RestApiDocuments.Document document : read.documents()) {
            if (document.resolvedByCloudFormation()) {
                operations += check(values.render(document.document()), document.subject(), findings);
            } else {
                unresolvedIntrinsics(document.document(), document.subject(), findings);
                operations += check(DeployTimeValues.standalone().render(document.document()), document.subject(), findings);
            }
        }
        int documents = read.documents().size();
        String checked = documents + " RestApi Body document" + (documents == 1 ? "" : "s") + ", " + operations
                + " operations" + (read.fromS3() > 0 ? " (" + read.fromS3() + " read from S3 assets)" : "");
        return new CheckResult(ID, "OpenAPI and API Gateway import rules", checked, findings);
    }

    /** At most this many intrinsics of a BodyS3Location document are reported one by one. */
    private static final int MAX_INTRINSICS_REPORTED = 10;

    /**
     * CloudFormation does not process a {@code BodyS3Location} document: an intrinsic in it reaches
     * API Gateway as the object it is.
     */
    private static void unresolvedIntrinsics(JsonNode document, String subject, List<Finding> findings) {
        List<String> paths = new ArrayList<>();
        intrinsicPaths(document, "", paths);
        for (String path : paths.subList(0, Math.min(paths.size(), MAX_INTRINSICS_REPORTED))) {
            findings.add(new Finding(ID, Severity.ERROR, subject, path, "CloudFormation does not process a document "
                    + "in BodyS3Location, so API Gateway receives this intrinsic as the object it is. Fix: write the value "
                    + "itself (the import resolves ${AWS::Region}, ${AWS::AccountId}, ${AWS::Partition} and stage "
                    + "variables), or include the document in Body with the AWS::Include transform."));
        }
        if (paths.size() > MAX_INTRINSICS_REPORTED) {
            findings.add(new Finding(ID, Severity.ERROR, subject, "", "and " + (paths.size() - MAX_INTRINSICS_REPORTED)
                    + " more CloudFormation intrinsics that API Gateway would receive as objects."));
        }
    }

    private static void intrinsicPaths(JsonNode node, String at, List<String> paths) {
        if (Intrinsics.isIntrinsic(node)) {
            paths.add(at);
        } else if (node.isObject()) {
            node.properties().forEach(f -> intrinsicPaths(f.getValue(), at.isEmpty() ? f.getKey() : at + "." + f.getKey(), paths));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                intrinsicPaths(node.get(i), at + "[" + i + "]", paths);
            }
        }
    }

    /**
     * Checks a document on its own, e.g. the exported {@code .openapi.json}; {@code name} names it
     * in findings.
     */
    public CheckResult checkDocument(JsonNode document, String name) {
        List<Finding> findings = new ArrayList<>();
        int operations = check(DeployTimeValues.standalone().render(document), name, findings);
        return new CheckResult(ID, "OpenAPI and API Gateway import rules",
                "document " + name + ", " + operations + " operations", findings);
    }

    private DeployTimeValues values(Map<String, String> types) {
        Map<String, Boolean> refIsArn = new HashMap<>();
        if (spec != null) {
            for (String type : types.values()) {
                spec.resourceType(type).map(ResourceType::refIsArn).ifPresent(arn -> refIsArn.put(type, arn));
            }
        }
        return new DeployTimeValues(types, refIsArn);
    }

    /** Applies every part of the check to a rendered document; returns its operation count. */
    private int check(JsonNode document, String subject, List<Finding> findings) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the document cannot be written as JSON", e);
        }
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            findings.add(new Finding(ID, Severity.ERROR, subject, "", "the document is " + bytes.length
                    + " bytes; API Gateway imports definitions of at most " + MAX_DOCUMENT_BYTES + " bytes (6 MB)."));
        }
        if (SwaggerConversion.isSwagger2(document)) {
            return checkSwagger2(document, subject, findings);
        }
        SwaggerParserVerdict.openApi30(document, subject, findings);
        return new ApiGatewayImportRules(ID, subject, findings).apply(document);
    }

    /** A Swagger 2.0 document, checked in its OpenAPI 3.0 form with the paths of the 2.0 one. */
    private static int checkSwagger2(JsonNode document, String subject, List<Finding> findings) {
        if (!"2.0".equals(document.path("swagger").asText())) {
            findings.add(new Finding(ID, Severity.ERROR, subject, "swagger", "the document is Swagger "
                    + document.path("swagger").asText() + "; API Gateway imports Swagger 2.0 and OpenAPI 3.0."));
            return 0;
        }
        SwaggerConversion.Converted converted = SwaggerConversion.toOpenApi30(document);
        if (converted.document() == null) {
            findings.add(new Finding(ID, Severity.ERROR, subject, "", "swagger-parser could not read the document as "
                    + "Swagger 2.0: " + converted.messages()));
            return 0;
        }
        SwaggerParserVerdict.swagger2(converted, document, subject, findings);
        List<Finding> found = new ArrayList<>();
        int operations = new ApiGatewayImportRules(ID, subject, found).apply(converted.document());
        found.forEach(f -> findings.add(SwaggerConversion.inSwagger2(f)));
        return operations;
    }
}
