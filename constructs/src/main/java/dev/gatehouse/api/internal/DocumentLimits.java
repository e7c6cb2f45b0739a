package dev.gatehouse.api.internal;

import dev.gatehouse.Defaults;
import dev.gatehouse.api.DocumentLocation;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.util.Locale;

/**
 * The limits of where a document is kept (rules GH700 to GH703): API Gateway's import size for a
 * document in S3, what CloudFormation resolves there, and CloudFormation's template size for
 * documents kept in the template.
 */
public final class DocumentLimits {
    /**
     * API Gateway's limit for a document it imports: "The maximum size of the API definition file
     * is 6MB" (PutRestApi, ImportRestApi), read as 6 MiB.
     */
    public static final long MAX_IMPORT_BYTES = 6L * 1024 * 1024;

    private DocumentLimits() {
    }

    public static void check(String subject, DocumentRenderer.Placement placement, Findings findings) {
        DocumentPlacement.Decision decision = placement.decision();
        if (placement.inS3()) {
            if (placement.documentBytes() > MAX_IMPORT_BYTES) {
                findings.report(Rules.DOCUMENT_IMPORT_SIZE, subject, "its OpenAPI document is "
                                + bytes(placement.documentBytes()) + " bytes, more than the " + bytes(MAX_IMPORT_BYTES)
                                + " bytes (6 MB) API Gateway imports.",
                        "split the routes into several GatewayApis, each with its own document, or shorten their "
                                + "summaries and descriptions.");
            }
            if (placement.dynamicReference()) {
                findings.report(Rules.DOCUMENT_DYNAMIC_REFERENCE, subject, "its OpenAPI document is kept in S3 ("
                                + describe(placement) + ") and holds a dynamic reference ({{resolve:...}}), which "
                                + "CloudFormation resolves in a template only.",
                        "use a value CloudFormation resolves as a property instead (a CfnParameter, or "
                                + "StringParameter.valueForStringParameter), or keep the document in the template with "
                                + "documentLocation(DocumentLocation.INLINE).");
            }
            return;
        }
        if (placement.asked() != DocumentLocation.INLINE) {
            return;
        }
        String taken = "with documentLocation(INLINE) its OpenAPI document takes " + bytes(decision.inlineBytes())
                + " bytes of the template, and the stack's documents together " + bytes(decision.stackInlineBytes());
        if (decision.stackInlineBytes() > DocumentPlacement.TEMPLATE_MAX_BYTES) {
            findings.report(Rules.DOCUMENT_TEMPLATE_SIZE, subject, taken + ", more than the "
                            + bytes(DocumentPlacement.TEMPLATE_MAX_BYTES) + " CloudFormation reads.",
                    "leave documentLocation unset (AUTOMATIC: in S3 when too large) or set DocumentLocation.S3.");
        } else if (decision.stackInlineBytes() > Defaults.INLINE_DOCUMENTS_BUDGET_BYTES) {
            findings.report(Rules.DOCUMENT_INLINE_BUDGET, subject, taken + ", more than the "
                            + bytes(Defaults.INLINE_DOCUMENTS_BUDGET_BYTES) + " Gatehouse keeps for documents, which leaves"
                            + " the rest of the stack less than " + bytes(DocumentPlacement.TEMPLATE_MAX_BYTES
                            - Defaults.INLINE_DOCUMENTS_BUDGET_BYTES) + " bytes.",
                    "leave documentLocation unset (AUTOMATIC: in S3 past the budget), or ignore this if the rest of the "
                            + "stack is small.");
        }
    }

    private static String describe(DocumentRenderer.Placement placement) {
        return placement.asked() == DocumentLocation.S3 ? "documentLocation S3"
                : "it takes more than the stack's budget for documents in the template";
    }

    /** 1234567 as "1,234,567". */
    static String bytes(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
