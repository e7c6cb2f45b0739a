package dev.gatehouse.lambda.jwt.internal;

import java.io.IOException;
import java.net.URI;

/** Fetches the bytes of a JSON Web Key Set. */
@FunctionalInterface
public interface JwksFetcher {
    /**
     * Fetches the document.
     *
     * @throws IOException on any network failure, a non-200 answer, a timeout or an over-large body
     */
    byte[] fetch(URI uri) throws IOException;
}
