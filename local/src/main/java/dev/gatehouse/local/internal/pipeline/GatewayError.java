package dev.gatehouse.local.internal.pipeline;

/**
 * The gateway answers a request itself: a gateway response of a type, with the real service's
 * status and message unless given.
 */
public final class GatewayError extends Exception {
    private static final long serialVersionUID = 1L;

    private final ResponseType type;
    private final int status;
    private final String clientMessage;

    public GatewayError(ResponseType type) {
        this(type, type.status(), type.message(), null);
    }

    public GatewayError(ResponseType type, String clientMessage) {
        this(type, type.status(), clientMessage, null);
    }

    /**
     * @param logMessage what the local gateway logs about it (null for none)
     */
    public GatewayError(ResponseType type, int status, String clientMessage, String logMessage) {
        super(logMessage != null ? logMessage : clientMessage, null, false, false);
        this.type = type;
        this.status = status;
        this.clientMessage = clientMessage;
    }

    public ResponseType type() {
        return type;
    }

    public int status() {
        return status;
    }

    /** The message the client sees ({"message": ...}), null for {"message":null}. */
    public String clientMessage() {
        return clientMessage;
    }
}
