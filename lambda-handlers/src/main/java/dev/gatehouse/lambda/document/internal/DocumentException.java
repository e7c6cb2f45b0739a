package dev.gatehouse.lambda.document.internal;

/** A document that cannot be published as asked; its message becomes the resource's failure reason. */
public final class DocumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DocumentException(String message) {
        super(message);
    }
}
