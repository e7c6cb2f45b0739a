package dev.gatehouse.lambda.jwt.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;

/**
 * Fetches a JWKS over HTTP(S) with {@link HttpURLConnection} (light to start in a fresh JVM), with
 * limits enforced while reading:
 * <ul>
 *   <li>connect timeout and a per-read timeout on the socket;
 *   <li>a deadline for the whole exchange (connect timeout + read timeout), checked between reads,
 *       so a server trickling bytes is cut off after at most twice the read timeout;
 *   <li>the body size: a declared {@code Content-Length} over the limit is refused before reading,
 *       and reading stops as soon as the limit is passed;
 *   <li>only HTTP 200 is accepted, and redirects are not followed.
 * </ul>
 */
public final class HttpJwksFetcher implements JwksFetcher {
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final int maxBytes;

    public HttpJwksFetcher(int connectTimeoutMillis, int readTimeoutMillis, int maxBytes) {
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
        this.maxBytes = maxBytes;
    }

    /**
     * Creates the connection object without connecting; used to load the HTTP classes while priming.
     */
    public static URLConnection unconnected(URI uri) throws IOException {
        return uri.toURL().openConnection();
    }

    @Override
    public byte[] fetch(URI uri) throws IOException {
        long deadline = System.nanoTime() + (connectTimeoutMillis + (long) readTimeoutMillis) * 1_000_000L;
        URLConnection opened = uri.toURL().openConnection();
        if (!(opened instanceof HttpURLConnection connection)) {
            throw new IOException("not an HTTP URL");
        }
        boolean complete = false;
        try {
            connection.setConnectTimeout(connectTimeoutMillis);
            connection.setReadTimeout(readTimeoutMillis);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestProperty("Accept", "application/jwk-set+json, application/json");
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("JWKS endpoint answered HTTP " + status);
            }
            long declared = connection.getContentLengthLong();
            if (declared > maxBytes) {
                throw new IOException("JWKS response declares " + declared + " bytes, over the limit of " + maxBytes);
            }
            InputStream in = connection.getInputStream();
            byte[] body = read(in, deadline);
            complete = true;
            // At the end of the body: the connection may be kept alive for the next fetch. (Reading
            // to the end already returns it to the JDK's keep-alive cache, so leaving this out
            // would change nothing observable: an equivalent mutant.)
            in.close();
            return body;
        } finally {
            if (!complete) {
                connection.disconnect(); // drop the socket instead of draining an unwanted body
            }
        }
    }

    private byte[] read(InputStream in, long deadline) throws IOException {
        {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 16 * 1024));
            byte[] buffer = new byte[8192];
            while (true) {
                // (">= 0" would differ only in the very nanosecond of the deadline: equivalent)
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("JWKS response took longer than "
                            + (connectTimeoutMillis + readTimeoutMillis) + " ms");
                }
                // Reads at most one byte past the limit. (Reading further, e.g. "+ out.size()",
                // would be caught by the size check below all the same: an equivalent mutant. The
                // length is at least 1, so read never returns 0 and "n <= 0" is equivalent too.)
                int n = in.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - out.size()));
                if (n < 0) {
                    return out.toByteArray();
                }
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw new IOException("JWKS response is larger than the limit of " + maxBytes + " bytes");
                }
            }
        }
    }
}
