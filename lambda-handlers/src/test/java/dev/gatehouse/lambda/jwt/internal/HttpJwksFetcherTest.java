package dev.gatehouse.lambda.jwt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.CacheRequest;
import java.net.CacheResponse;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ResponseCache;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JWKS fetcher's limits, each against a real HTTP server (or socket) on 127.0.0.1. */
class HttpJwksFetcherTest {
    private static final byte[] JWKS = "{\"keys\":[]}".getBytes(StandardCharsets.US_ASCII);

    private HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fetcher-test-server");
        t.setDaemon(true);
        return t;
    });
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> acceptHeaders = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    private URI serve(String path, ExchangeHandler handler) {
        server.createContext(path, exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            acceptHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
            try (exchange) {
                handler.handle(exchange);
            } catch (IOException | InterruptedException clientWentAway) {
                // the fetcher hung up on purpose
            }
        });
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @FunctionalInterface
    interface ExchangeHandler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    @Test
    void fetchesTheBodyAskingForAJwks() throws IOException {
        URI uri = serve("/jwks.json", exchange -> send(exchange, 200, JWKS));

        byte[] body = new HttpJwksFetcher(500, 500, 1024).fetch(uri);

        assertArrayEquals(JWKS, body);
        assertEquals(List.of("application/jwk-set+json, application/json"), acceptHeaders);
    }

    @Test
    void unconnectedCreatesTheConnectionWithoutConnecting() throws IOException {
        URI uri = serve("/jwks.json", exchange -> send(exchange, 200, JWKS));

        URLConnection connection = HttpJwksFetcher.unconnected(uri);

        assertInstanceOf(HttpURLConnection.class, connection);
        assertEquals(uri.toURL(), connection.getURL());
        assertEquals(List.of(), paths, "nothing was sent");
    }

    @Test
    void redirectsAreNotFollowed() {
        // A JWKS endpoint redirecting elsewhere (another host, in real life) is refused, not followed
        URI uri = serve("/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Location", "/elsewhere.json");
            send(exchange, 302, new byte[0]);
        });
        serve("/elsewhere.json", exchange -> send(exchange, 200, JWKS));

        IOException e = assertThrows(IOException.class, () -> new HttpJwksFetcher(500, 500, 1024).fetch(uri));

        assertEquals("JWKS endpoint answered HTTP 302", e.getMessage());
        assertEquals(List.of("/jwks.json"), paths);
    }

    @Test
    void noResponseCacheIsConsulted() throws IOException {
        // Given a JVM-wide response cache that would answer with other keys
        AtomicInteger lookups = new AtomicInteger();
        ResponseCache previous = ResponseCache.getDefault();
        ResponseCache.setDefault(new ResponseCache() {
            @Override
            public CacheResponse get(URI uri, String method, Map<String, List<String>> headers) {
                lookups.incrementAndGet();
                return null;
            }

            @Override
            public CacheRequest put(URI uri, URLConnection connection) {
                lookups.incrementAndGet();
                return null;
            }
        });
        try {
            URI uri = serve("/jwks.json", exchange -> send(exchange, 200, JWKS));

            // Then the fetcher goes to the network and never asks the cache
            assertArrayEquals(JWKS, new HttpJwksFetcher(500, 500, 1024).fetch(uri));
            assertEquals(0, lookups.get());
        } finally {
            ResponseCache.setDefault(previous);
        }
    }

    @Test
    void onlyHttp200IsAccepted() {
        URI uri = serve("/jwks.json", exchange -> send(exchange, 204, new byte[0]));

        IOException e = assertThrows(IOException.class, () -> new HttpJwksFetcher(500, 500, 1024).fetch(uri));

        assertEquals("JWKS endpoint answered HTTP 204", e.getMessage());
    }

    @Test
    void bodyOfExactlyTheLimitIsAcceptedWhetherDeclaredOrChunked() throws IOException {
        byte[] limit = filler(1024);
        URI declared = serve("/declared.json", exchange -> send(exchange, 200, limit));
        URI chunked = serve("/chunked.json", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(limit);
        });
        HttpJwksFetcher fetcher = new HttpJwksFetcher(500, 500, 1024);

        assertArrayEquals(limit, fetcher.fetch(declared));
        assertArrayEquals(limit, fetcher.fetch(chunked));
    }

    @Test
    void declaredBodyOneByteOverTheLimitIsRefusedBeforeReading() {
        URI uri = serve("/jwks.json", exchange -> send(exchange, 200, filler(1025)));

        IOException e = assertThrows(IOException.class, () -> new HttpJwksFetcher(500, 500, 1024).fetch(uri));

        assertEquals("JWKS response declares 1025 bytes, over the limit of 1024", e.getMessage());
    }

    @Test
    void chunkedBodyOneByteOverTheLimitIsCut() {
        URI uri = serve("/jwks.json", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(filler(1025));
        });

        IOException e = assertThrows(IOException.class, () -> new HttpJwksFetcher(500, 500, 1024).fetch(uri));

        assertEquals("JWKS response is larger than the limit of 1024 bytes", e.getMessage());
    }

    @Test
    void refusedBodyIsNotDrainedTheSocketIsDropped() throws Exception {
        // Given a server that would send 64 MiB, more than the socket buffers hold
        CountDownLatch hungUp = new CountDownLatch(1);
        URI uri = serve("/jwks.json", exchange -> {
            exchange.sendResponseHeaders(200, 64L * 1024 * 1024);
            byte[] chunk = filler(64 * 1024);
            try {
                for (int i = 0; i < 1024; i++) {
                    exchange.getResponseBody().write(chunk);
                }
            } catch (IOException e) {
                hungUp.countDown();
            }
        });

        // When the fetcher refuses it
        assertThrows(IOException.class, () -> new HttpJwksFetcher(500, 500, 1024).fetch(uri));

        // Then the server soon finds the connection closed instead of blocked on a reader that never comes
        assertTrue(hungUp.await(10, TimeUnit.SECONDS), "the fetcher kept the connection open");
    }

    @Test
    void bodyTricklingInWithinTheDeadlineIsAccepted() throws IOException {
        // Given a body arriving in 8 pieces 150 ms apart (1.05 s): each read is within the read
        // timeout (1 s), and the whole within the deadline (connect 2 s + read 1 s)
        URI uri = serve("/jwks.json", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 8; i++) {
                Thread.sleep(150);
                out.write(JWKS[i]);
                out.flush();
            }
            out.write(JWKS, 8, JWKS.length - 8);
        });

        assertArrayEquals(JWKS, new HttpJwksFetcher(2000, 1000, 1024).fetch(uri));
    }

    @Test
    void bodyTricklingPastTheDeadlineIsCutOff() {
        // Given a server sending a byte every 50 ms for 20 s: no single read times out
        URI uri = serve("/jwks.json", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 400; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(50);
            }
        });
        long started = System.nanoTime();

        IOException e = assertThrows(IOException.class, () -> new HttpJwksFetcher(200, 300, 1024).fetch(uri));

        // Then the deadline (connect timeout + read timeout) stops it
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals("JWKS response took longer than 500 ms", e.getMessage());
        assertTrue(millis >= 450 && millis < 10_000, "took " + millis + " ms");
    }

    @Test
    void connectTimeoutIsEnforced() throws IOException {
        // Given a listening socket whose accept queue is full, so that new connections hang
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = fillAcceptQueue(full);
            try {
                URI uri = URI.create("http://127.0.0.1:" + full.getLocalPort() + "/jwks.json");
                long started = System.nanoTime();

                // Then the fetch gives up after the connect timeout
                IOException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                        () -> assertThrows(IOException.class, () -> new HttpJwksFetcher(300, 5000, 1024).fetch(uri)));

                long millis = (System.nanoTime() - started) / 1_000_000;
                assertInstanceOf(SocketTimeoutException.class, e);
                assertTrue(e.getMessage().toLowerCase().contains("connect timed out"), e.getMessage());
                assertTrue(millis < 10_000, "took " + millis + " ms");
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }

    private static List<Socket> fillAcceptQueue(ServerSocket server) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(server.getLocalSocketAddress(), 200);
                sockets.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                return sockets;
            }
        }
        throw new IllegalStateException("the accept queue never filled up");
    }

    @Test
    void notAnHttpUrlIsRefused() {
        IOException e = assertThrows(IOException.class,
                () -> new HttpJwksFetcher(500, 500, 1024).fetch(URI.create("file:///etc/hostname")));
        assertEquals("not an HTTP URL", e.getMessage());
        assertFalse(paths.contains("/etc/hostname"));
    }

    private static byte[] filler(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ' ');
        return bytes;
    }
}
