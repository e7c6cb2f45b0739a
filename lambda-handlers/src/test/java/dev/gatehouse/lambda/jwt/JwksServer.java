package dev.gatehouse.lambda.jwt;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 serving a JWKS, whose behaviour a test can switch. */
final class JwksServer implements AutoCloseable {
    /** What the server does for the next requests. */
    enum Mode { SERVE, STATUS_500, SLOW, HUGE_DECLARED, HUGE_CHUNKED, GARBAGE }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jwks-test-server");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String body;
    private volatile Mode mode = Mode.SERVE;
    private volatile long slowMillis = 5000;

    JwksServer(String body) throws IOException {
        this.body = body;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks.json", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
    }

    void serve(String newBody) {
        body = newBody;
        mode = Mode.SERVE;
    }

    void mode(Mode newMode) {
        mode = newMode;
    }

    void slowMillis(long millis) {
        slowMillis = millis;
    }

    int requests() {
        return requests.get();
    }

    /** Stops answering: later connections are refused. */
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            switch (mode) {
                case SERVE -> send(exchange, 200, body.getBytes(StandardCharsets.UTF_8));
                case STATUS_500 -> send(exchange, 500, "{\"error\":\"boom\"}".getBytes(StandardCharsets.UTF_8));
                case GARBAGE -> send(exchange, 200, "<html>definitely not a key set".getBytes(StandardCharsets.UTF_8));
                case SLOW -> {
                    try {
                        released.await(slowMillis, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    send(exchange, 200, body.getBytes(StandardCharsets.UTF_8));
                }
                case HUGE_DECLARED -> {
                    exchange.sendResponseHeaders(200, 10L * 1024 * 1024);
                    streamFiller(exchange.getResponseBody(), 10 * 1024);
                }
                case HUGE_CHUNKED -> {
                    exchange.sendResponseHeaders(200, 0); // chunked, no length
                    streamFiller(exchange.getResponseBody(), 10 * 1024);
                }
            }
        } catch (IOException expected) {
            // the client hung up on a body it did not want
        }
    }

    /** Writes up to {@code kib} KiB of a valid-looking JSON prefix; stops when the client hangs up. */
    private static void streamFiller(OutputStream out, int kib) throws IOException {
        out.write("{\"keys\":[".getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (int i = 0; i < kib; i++) {
            out.write(chunk);
        }
        out.write("]}".getBytes(StandardCharsets.US_ASCII));
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
