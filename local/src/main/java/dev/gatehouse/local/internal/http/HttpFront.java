package dev.gatehouse.local.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.local.internal.pipeline.Gateway;
import dev.gatehouse.local.internal.pipeline.GatewayError;
import dev.gatehouse.local.internal.pipeline.ResponseType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway on a local port (the JDK's HTTP server). Bodies over API Gateway's 10 MB payload
 * limit are refused with 413 before they are read
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
 */
public final class HttpFront implements AutoCloseable {
    /** API Gateway's maximum payload size for REST APIs. */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    static {
        // Without TCP_NODELAY keep-alive responses wait ~40 ms for the peer's delayed ACK; a request
        // (line, headers and body) must arrive within 60 s, so a slow client cannot hold a thread.
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        setIfAbsent("sun.net.httpserver.maxReqTime", "60");
        setIfAbsent("sun.net.httpserver.maxRspTime", "60");
    }

    /** Request threads kept when idle. */
    static final int CORE_THREADS = 16;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ExecutorService overflow;

    private HttpFront(HttpServer server, ExecutorService executor, ExecutorService overflow) {
        this.server = server;
        this.executor = executor;
        this.overflow = overflow;
    }

    /**
     * Listens on host:port (port 0: any free port). The JDK's server reads a request's headers on
     * the request thread, so a slow client holds one until {@code maxReqTime}: up to
     * {@code threads} threads are started as requests need them (and end when idle), so that slow
     * clients do not starve the others; past that, requests wait in line.
     */
    public static HttpFront start(Gateway gateway, String host, int port, int threads, PrintStream log) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 1024);
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threadFactory = task -> {
            Thread thread = new Thread(task, "gatehouse-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // Past the maximum, requests wait in line for a few threads of their own.
        ThreadPoolExecutor overflow = new ThreadPoolExecutor(CORE_THREADS, CORE_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threadFactory);
        overflow.allowCoreThreadTimeOut(true);
        // A synchronous hand-off: a request goes to a thread waiting for work, or a new thread is
        // started (up to the maximum), never into a queue behind threads that slow clients hold.
        ThreadPoolExecutor executor = new ThreadPoolExecutor(CORE_THREADS, Math.max(CORE_THREADS, threads), 30,
                TimeUnit.SECONDS, new SynchronousQueue<>(), threadFactory, (task, pool) -> overflow.execute(task));
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(gateway, exchange, log));
        server.start();
        return new HttpFront(server, executor, overflow);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void serve(Gateway gateway, HttpExchange exchange, PrintStream log) {
        try (exchange) {
            GatewayResult result;
            long length = parseLength(exchange.getRequestHeaders().getFirst("Content-Length"));
            byte[] body = length > MAX_BODY_BYTES ? null : readBody(exchange.getRequestBody());
            if (body == null) {
                result = gateway.refuse(request(exchange, new byte[0]), new GatewayError(ResponseType.REQUEST_TOO_LARGE));
                result.headers().set("Connection", "close");
            } else {
                result = gateway.handle(request(exchange, body));
            }
            write(exchange, result);
        } catch (IOException e) {
            // the client went away; nothing to answer
        } catch (RuntimeException e) {
            // Deliberate catch-all: one broken exchange must not stop the server's thread
            log.println("http: could not serve " + exchange.getRequestURI() + ": " + e);
        }
    }

    private static GatewayRequest request(HttpExchange exchange, byte[] body) {
        Headers headers = new Headers();
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            header.getValue().forEach(value -> headers.add(header.getKey(), value));
        }
        String rawPath = exchange.getRequestURI().getRawPath();
        return new GatewayRequest(exchange.getRequestMethod(), rawPath == null || rawPath.isEmpty() ? "/" : rawPath,
                exchange.getRequestURI().getRawQuery(), headers, body,
                exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol());
    }

    private static long parseLength(String declared) {
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The body, or null when it is longer than the limit. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void write(HttpExchange exchange, GatewayResult result) throws IOException {
        com.sun.net.httpserver.Headers out = exchange.getResponseHeaders();
        result.headers().asMap().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")) {
                values.forEach(value -> out.add(name, value));
            }
        });
        boolean noBody = exchange.getRequestMethod().equalsIgnoreCase("HEAD") || result.status() == 204
                || result.status() == 304 || result.body().length == 0;
        exchange.sendResponseHeaders(result.status(), noBody ? -1 : result.body().length);
        if (!noBody) {
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(result.body());
            }
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        overflow.shutdownNow();
    }
}
