package dev.gatehouse.lambda.database;

import static dev.gatehouse.lambda.database.DefaultTlsTest.ask;
import static dev.gatehouse.lambda.database.DefaultTlsTest.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gatehouse.database.config.DatabaseEngine;
import dev.gatehouse.lambda.database.internal.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS modes against a real TLS server: the test database behind a TLS front whose certificate
 * (for "localhost" only) the test made. verify-full must accept exactly that certificate under that
 * name; require must encrypt whatever the certificate. One subclass per engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TlsModesContract {
    private TestCertificates server;
    private TestCertificates stranger;
    private TcpProxy front;

    /** The JDBC URL of the test database (or the test is skipped). */
    abstract String url();

    abstract DatabaseEngine engine();

    abstract int defaultPort();

    /** The user the test connects as. */
    abstract String user();

    /** A TLS front for this engine's protocol. */
    abstract TcpProxy front(String host, int port, SSLContext tls);

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = TestCertificates.selfSigned(dir, "server", "localhost", "dns:localhost");
        stranger = TestCertificates.selfSigned(dir, "stranger", "localhost", "dns:localhost");
        String[] hostPort = TestDatabases.hostPort(url(), defaultPort());
        front = front(hostPort[0], Integer.parseInt(hostPort[1]), server.serverContext()).start();
    }

    @AfterAll
    void stop() throws Exception {
        if (front != null) {
            front.close();
        }
    }

    private Map<String, String> through(String host, String mode, Path caFile) {
        Map<String, String> env = env(url(), engine(), defaultPort());
        env.put(Settings.HOST, host);
        env.put(Settings.PORT, Integer.toString(front.port()));
        env.put(Settings.TLS, mode);
        if (caFile != null) {
            env.put(Settings.TLS_CA_FILE, caFile.toString());
        }
        return env;
    }

    @Test
    void verifyFullConnectsWhenTheCaBundleSignedTheCertificateForThatHost() {
        List<String> log = new CopyOnWriteArrayList<>();
        APIGatewayProxyResponseEvent answer = ask(through("localhost", "verify-full", server.pem()), user(), log);
        assertEquals(200, answer.getStatusCode(), answer.getBody() + " " + log);
        assertEquals("{\"one\":1}", answer.getBody());
    }

    @Test
    void verifyFullRefusesACertificateFromAnotherCa() {
        List<String> log = new CopyOnWriteArrayList<>();
        APIGatewayProxyResponseEvent answer = ask(through("localhost", "verify-full", stranger.pem()), user(), log);
        assertEquals(503, answer.getStatusCode(), answer.getBody());
        assertTrue(!answer.getBody().contains("SSL") && !answer.getBody().contains("certificate"),
                "no driver detail reaches the client: " + answer.getBody());
        assertTrue(log.stream().anyMatch(l -> l.contains("SSL") || l.contains("certif") || l.contains("PKIX")), log.toString());
    }

    @Test
    void verifyFullRefusesTheRightCertificateUnderAnotherHostName() {
        List<String> log = new CopyOnWriteArrayList<>();
        // the certificate names localhost only; 127.0.0.1 reaches the same server
        APIGatewayProxyResponseEvent answer = ask(through("127.0.0.1", "verify-full", server.pem()), user(), log);
        assertEquals(503, answer.getStatusCode(), answer.getBody());
        assertTrue(log.stream().anyMatch(l -> l.contains("hostname") && l.contains("127.0.0.1")), log.toString());
    }

    @Test
    void verifyFullWithoutABundleUsesTheJvmTrustStoreWhichDoesNotKnowTheTestCa() {
        List<String> log = new CopyOnWriteArrayList<>();
        assertEquals(503, ask(through("localhost", "verify-full", null), user(), log).getStatusCode(), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("PKIX") || l.contains("certif")), "refused for its certificate: " + log);
    }

    @Test
    void requireEncryptsWithoutVerifying() {
        List<String> log = new CopyOnWriteArrayList<>();
        APIGatewayProxyResponseEvent answer = ask(through("127.0.0.1", "require", null), user(), log);
        assertEquals(200, answer.getStatusCode(), answer.getBody() + " " + log);
    }
}
