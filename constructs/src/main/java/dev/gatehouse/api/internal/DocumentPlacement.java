package dev.gatehouse.api.internal;

import dev.gatehouse.Defaults;
import dev.gatehouse.api.DocumentLocation;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import software.amazon.awscdk.Stack;

/**
 * Decides whether an API's document goes into the template or to S3, keeping count of the bytes
 * the documents already written into each stack's template take: with
 * {@link DocumentLocation#AUTOMATIC}, a document goes to S3 when it would take its stack's inline
 * documents past {@link Defaults#INLINE_DOCUMENTS_BUDGET_BYTES}. APIs are decided in the order the
 * CDK visits them (the order they were added to the stack).
 */
public final class DocumentPlacement {
    /**
     * CloudFormation's limit for a template read from S3 ("1 MB"), as the CDK counts it when it warns
     * about a template's size.
     */
    public static final long TEMPLATE_MAX_BYTES = 1_000_000;
    /** Nesting of a resource property in a template: the template, Resources, the resource, Properties. */
    static final int PROPERTY_DEPTH = 4;

    private static final Map<Stack, Long> INLINE_BYTES = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Where a document goes.
     *
     * @param inS3 whether the document goes to S3
     * @param inlineBody the {@code Body} value when it stays in the template, else null
     * @param inlineBytes the document's size in the template as measured (0 when not measured: asked for S3;
     *     at least this much when its compact text alone passed the budget)
     * @param stackInlineBytes the stack's inline documents after this decision, this one included if inline
     */
    public record Decision(boolean inS3, Object inlineBody, long inlineBytes, long stackInlineBytes) {
    }

    private DocumentPlacement() {
    }

    /**
     * Decides for one API of {@code stack}.
     *
     * @param compactBytes the size of the document's compact JSON text: the template writes at least
     *     that much (it indents an object, escapes a text), so past the budget it decides without
     *     making the {@code Body} value
     * @param inlineBody the {@code Body} value the template would hold, made only when needed
     */
    public static Decision decide(Stack stack, DocumentLocation asked, long compactBytes, Supplier<Object> inlineBody) {
        long before = INLINE_BYTES.getOrDefault(stack, 0L);
        if (asked == DocumentLocation.S3) {
            return new Decision(true, null, 0, before);
        }
        if (asked == DocumentLocation.AUTOMATIC && before + compactBytes > Defaults.INLINE_DOCUMENTS_BUDGET_BYTES) {
            return new Decision(true, null, compactBytes, before);
        }
        Object body = inlineBody.get();
        long bytes = TemplateSize.bytes(body, PROPERTY_DEPTH);
        if (asked == DocumentLocation.AUTOMATIC && before + bytes > Defaults.INLINE_DOCUMENTS_BUDGET_BYTES) {
            return new Decision(true, null, bytes, before);
        }
        INLINE_BYTES.put(stack, before + bytes);
        return new Decision(false, body, bytes, before + bytes);
    }
}
