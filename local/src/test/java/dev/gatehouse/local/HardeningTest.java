package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Malformed requests, oversized bodies, slow clients and floods on the local port: the gateway keeps serving. */
class HardeningTest {
    private static LocalGateway gateway;
    private static int port;

    @BeforeAll
    static void serve() {
        gateway = LocalGateway.Builder.create(TestApps.probe()).stack(TestApps.PROBE_STACK).accessLog(line -> { })
                .clock(java.time.Clock.systemUTC()).build();
        URI url = gateway.start();
        port = url.getPort();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** Sends raw bytes and returns what comes back until the server closes or a response is complete. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readResponse(socket.getInputStream());
        }
    }

    private static String readResponse(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        int contentLength = -1;
        int headerEnd = -1;
        int b;
        while ((b = in.read()) >= 0) {
            text.append((char) b);
            if (headerEnd < 0 && text.length() >= 4 && text.substring(text.length() - 4).equals("\r\n\r\n")) {
                headerEnd = text.length();
                for (String line : text.toString().split("\r\n")) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        contentLength = Integer.parseInt(line.substring(15).trim());
                    }
                }
                if (contentLength <= 0) {
                    break;
                }
            }
            if (headerEnd >= 0 && text.length() - headerEnd >= contentLength) {
                break;
            }
        }
        return text.toString();
    }

    private static String ping() throws IOException {
        return raw("GET /ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    @Test
    void malformedRequestsAreRefusedAndTheGatewayKeepsServing() throws Exception {
        // a request target that is not a path: the JDK server refuses it itself (400 or 404), never a 2xx or 5xx
        String garbage = raw("THIS IS NOT HTTP\r\n\r\n");
        assertTrue(garbage.startsWith("HTTP/1.1 400") || garbage.startsWith("HTTP/1.1 404"), garbage);
        String noVersion = raw("GET\r\n\r\n");
        assertTrue(noVersion.isEmpty() || noVersion.startsWith("HTTP/1.1 400"), noVersion);
        String badEscape = raw("GET /items/%zz%?a=%%&b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(badEscape.startsWith("HTTP/1.1 200") || badEscape.startsWith("HTTP/1.1 400"), badEscape);
        String unknownMethod = raw("BREW /ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(unknownMethod.startsWith("HTTP/1.1 403"), unknownMethod);
        assertTrue(unknownMethod.contains("Missing Authentication Token"), unknownMethod);
        assertTrue(ping().startsWith("HTTP/1.1 200"));
    }

    @Test
    void bodiesOverTenMegabytesAnswer413WithoutBeingRead() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /probe HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + (10 * 1024 * 1024 + 1) + "\r\n\r\n{\"a\":").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = readResponse(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.endsWith("{\"message\":\"Request Too Long\"}"), response);
        }
        // and in-process too, the same limit
        LocalResponse large = gateway.client().request("POST", "/probe").body(new byte[10 * 1024 * 1024 + 1]).send();
        assertEquals(413, large.status());
        assertTrue(ping().startsWith("HTTP/1.1 200"));
    }

    @Test
    void slowClientsDoNotStarveTheOthers() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            // Given 100 clients that sent half a request and stopped
            for (int i = 0; i < 100; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.getOutputStream().write("GET /ping HTTP/1.1\r\nHost: loc".getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            // Then a well-behaved client is still answered
            long start = System.nanoTime();
            assertTrue(ping().startsWith("HTTP/1.1 200"));
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "a request waited behind slow clients");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aFloodOfConcurrentRequestsIsAnsweredEveryOne() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(32);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            answers.add(clients.submit(HardeningTest::ping));
        }
        int ok = 0;
        for (Future<String> answer : answers) {
            String response = answer.get();
            assertTrue(response.startsWith("HTTP/1.1 200") || response.startsWith("HTTP/1.1 429"), response);
            ok += response.startsWith("HTTP/1.1 200") ? 1 : 0;
        }
        clients.shutdown();
        assertTrue(ok > 0);
        assertTrue(ping().startsWith("HTTP/1.1 200") || ping().startsWith("HTTP/1.1 429"));
    }
}
