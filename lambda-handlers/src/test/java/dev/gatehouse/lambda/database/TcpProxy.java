package dev.gatehouse.lambda.database;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A loopback TCP forwarder between the proxy under test and the database. {@link #stop()} drops
 * every forwarded connection and, until {@link #start()}, closes each new one at once: what a client
 * sees of a database that restarts. (The listener itself stays bound, so the port cannot be taken
 * by anything else in between.)
 *
 * <p>{@link #postgresTls} makes it a TLS front for a PostgreSQL server without TLS: it answers the
 * client's SSLRequest with 'S', completes the handshake with the given certificate, and forwards
 * the decrypted stream, so clients see a TLS server whose certificate the test controls.
 */
final class TcpProxy implements AutoCloseable {
    /** PostgreSQL's SSLRequest: length 8, then the code 1234 5679. */
    private static final int SSL_REQUEST_CODE = 80877103;

    private final String targetHost;
    private final int targetPort;
    private final SSLContext tls;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private volatile boolean down;

    TcpProxy(String targetHost, int targetPort) {
        this(targetHost, targetPort, null);
    }

    private TcpProxy(String targetHost, int targetPort, SSLContext tls) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.tls = tls;
    }

    /** A PostgreSQL TLS front presenting the key and certificate of {@code tls}. */
    static TcpProxy postgresTls(String targetHost, int targetPort, SSLContext tls) {
        return new TcpProxy(targetHost, targetPort, tls);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Listens (the first time) or comes back up: new connections are forwarded again. */
    synchronized TcpProxy start() throws IOException {
        if (server == null) {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ServerSocket s = server;
            Thread acceptor = new Thread(() -> accept(s), "tcp-proxy-accept-" + s.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
        }
        down = false;
        return this;
    }

    /** Goes down: drops every connection, and closes new ones at once until {@link #start()}. */
    synchronized void stop() throws IOException {
        down = true;
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    @Override
    public synchronized void close() throws IOException {
        stop();
        if (server != null) {
            server.close();
        }
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                if (down) {
                    client.close();
                    continue;
                }
                if (tls != null) {
                    try {
                        client = terminatePostgresTls(client);
                    } catch (IOException e) {
                        // Not an SSLRequest, or the client refused the certificate: it sees a closed socket.
                        closeQuietly(client);
                        continue;
                    }
                }
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                // Listener closed by stop(), or the database refused: the client sees a closed socket.
            }
        }
    }

    private Socket terminatePostgresTls(Socket client) throws IOException {
        client.setSoTimeout(10_000);
        DataInputStream in = new DataInputStream(client.getInputStream());
        int length = in.readInt();
        int code = in.readInt();
        if (length != 8 || code != SSL_REQUEST_CODE) {
            throw new IOException("expected an SSLRequest, got length " + length + " code " + code);
        }
        client.getOutputStream().write('S');
        client.getOutputStream().flush();
        SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(client, null, client.getPort(), true);
        secured.setUseClientMode(false);
        secured.startHandshake();
        secured.setSoTimeout(0);
        return secured;
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // One side closed: close both below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
