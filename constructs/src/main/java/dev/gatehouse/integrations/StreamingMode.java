package dev.gatehouse.integrations;

/**
 * How API Gateway returns a proxy integration's response: whole, or streamed as it arrives
 * ({@code responseTransferMode} of the integration).
 */
public enum StreamingMode {
    /** API Gateway waits for the whole response (at most 10 MB, within the integration timeout). */
    BUFFERED,
    /**
     * API Gateway sends the response as it arrives: lower time to first byte, past 10 MB, for up to
     * 15 minutes. Lambda proxy, HTTP proxy and private HTTP proxy routes only (rule GH264); no
     * endpoint caching, content encoding or response mapping on such a route.
     */
    STREAM
}
