package dev.gatehouse.local;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load benchmark of the local gateway on its port: requests/s, p50 and p99 for a mock route, a
 * Lambda route, and a Lambda route behind the bundled JWT authorizer (its decision cached), with a
 * bare JDK HTTP server answering hello-world in the same run as the ceiling. The load generator is
 * plain keep-alive HTTP/1.1 over sockets, one connection per client thread.
 *
 * <p>Run: {@code ./mvnw -B -q -pl local -am -DskipTests -Pbench verify} (docs/local-development.md).
 */
public final class LocalGatewayBenchmark {
    static final int CONNECTIONS = Integer.getInteger("bench.connections", 8);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 5);
    static final int MEASURE_SECONDS = Integer.getInteger("bench.seconds", 10);

    private LocalGatewayBenchmark() {
    }

    /** One measured target. */
    record Result(String name, long requests, double seconds, long p50Micros, long p99Micros, long errors) {
        double rps() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        ExecutorService helloThreads = Executors.newFixedThreadPool(Math.max(16, Runtime.getRuntime().availableProcessors() * 8));
        HttpServer hello = helloWorld(helloThreads);
        List<Result> results = new ArrayList<>();
        try (LocalGateway gateway = LocalGateway.Builder.create(TestApps.bench()).stack(TestApps.BENCH_STACK)
                .accessLog(line -> { }).accountThrottle(1e9, 1_000_000_000).clock(java.time.Clock.systemUTC()).build()) {
            int port = gateway.start().getPort();
            String token = gateway.issuer().token();
            results.add(run("JDK HttpServer hello-world (ceiling)", hello.getAddress().getPort(), "/", null));
            results.add(run("mock route GET /ping", port, "/ping", null));
            results.add(run("Lambda route GET /echo", port, "/echo", null));
            results.add(run("Lambda route behind cached JWT authorizer GET /secure", port, "/secure", token));
        } finally {
            hello.stop(0);
            helloThreads.shutdown(); // its threads would keep the JVM running after the figures
        }
        double ceiling = results.get(0).rps();
        System.out.printf(Locale.ROOT, "%n%d connections, %d s warm-up, %d s measured, %d cores%n", CONNECTIONS,
                WARMUP_SECONDS, MEASURE_SECONDS, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "| %-55s | %10s | %8s | %8s | %8s | %6s |%n", "target", "requests/s", "p50 µs",
                "p99 µs", "vs ceiling", "errors");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %-55s | %10.0f | %8d | %8d | %9.2fx | %6d |%n", r.name(), r.rps(),
                    r.p50Micros(), r.p99Micros(), r.rps() / ceiling, r.errors());
        }
    }

    private static HttpServer helloWorld(ExecutorService threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        byte[] body = "hello world".getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(threads);
        server.start();
        return server;
    }

    static Result run(String name, int port, String path, String token) throws Exception {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: gatehouse-bench\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        load(port, request, WARMUP_SECONDS);
        return summarize(name, load(port, request, MEASURE_SECONDS), MEASURE_SECONDS);
    }

    /** Per connection: latencies in nanoseconds of successful requests, and the count of failures last. */
    private static List<long[]> load(int port, byte[] request, int seconds) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        List<java.util.concurrent.Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            futures.add(pool.submit(() -> connection(port, request, running)));
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        List<long[]> out = new ArrayList<>();
        for (var future : futures) {
            out.add(future.get());
        }
        pool.shutdown();
        return out;
    }

    private static long[] connection(int port, byte[] request, AtomicBoolean running) throws IOException {
        long[] latencies = new long[1 << 16];
        int count = 0;
        long errors = 0;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            while (running.get()) {
                long start = System.nanoTime();
                out.write(request);
                out.flush();
                int status = readResponse(in);
                long elapsed = System.nanoTime() - start;
                if (status != 200) {
                    errors++;
                    continue;
                }
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = elapsed;
            }
        }
        long[] result = Arrays.copyOf(latencies, count + 1);
        result[count] = errors;
        return result;
    }

    /** Reads one response (status line, headers, Content-Length body); returns the status. */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        in.skipNBytes(length);
        return status;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static Result summarize(String name, List<long[]> perConnection, double seconds) {
        long errors = 0;
        int total = 0;
        for (long[] c : perConnection) {
            total += c.length - 1;
            errors += c[c.length - 1];
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] c : perConnection) {
            System.arraycopy(c, 0, all, at, c.length - 1);
            at += c.length - 1;
        }
        Arrays.sort(all);
        long p50 = total == 0 ? 0 : all[(int) (total * 0.50)] / 1000;
        long p99 = total == 0 ? 0 : all[Math.min(total - 1, (int) (total * 0.99))] / 1000;
        return new Result(name, total, seconds, p50, p99, errors);
    }
}
