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
 * <p>{@link #postgresTls} and {@link #mariadbTls} make it a TLS front for a database server without
 * TLS: it speaks the protocol's TLS upgrade with the client (PostgreSQL: SSLRequest answered 'S';
 * MariaDB: CLIENT_SSL announced in the greeting, SSL request packet, then the login with sequence
 * numbers shifted by the packet the server never sees), completes the handshake with the given
 * certificate, and forwards the decrypted stream, so clients see a TLS server whose certificate the
 * test controls.
 */
final class TcpProxy implements AutoCloseable {
    /** PostgreSQL's SSLRequest: length 8, then the code 1234 5679. */
    private static final int SSL_REQUEST_CODE = 80877103;

    private final String targetHost;
    private final int targetPort;
    /** MariaDB capability flag CLIENT_SSL (0x0800): bit 3 of the second capability byte. */
    private static final int CLIENT_SSL_BIT_IN_SECOND_BYTE = 0x08;

    private enum Front { PLAIN, POSTGRES_TLS, MARIADB_TLS }

    private final Front front;
    private final SSLContext tls;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private volatile boolean down;
    private volatile boolean frozen;

    TcpProxy(String targetHost, int targetPort) {
        this(targetHost, targetPort, Front.PLAIN, null);
    }

    private TcpProxy(String targetHost, int targetPort, Front front, SSLContext tls) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.front = front;
        this.tls = tls;
    }

    /** A PostgreSQL TLS front presenting the key and certificate of {@code tls}. */
    static TcpProxy postgresTls(String targetHost, int targetPort, SSLContext tls) {
        return new TcpProxy(targetHost, targetPort, Front.POSTGRES_TLS, tls);
    }

    /** A MariaDB/MySQL TLS front presenting the key and certificate of {@code tls}. */
    static TcpProxy mariadbTls(String targetHost, int targetPort, SSLContext tls) {
        return new TcpProxy(targetHost, targetPort, Front.MARIADB_TLS, tls);
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

    /**
     * Freezes, as a stopped database process would: connections stay open and new ones are
     * accepted, but nothing is forwarded either way until {@link #thaw()}.
     */
    void freeze() {
        frozen = true;
    }

    /** Forwards again what was held while frozen, and everything after it. */
    void thaw() {
        frozen = false;
    }

    @Override
    public synchronized void close() throws IOException {
        thaw();
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
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                if (front == Front.PLAIN) {
                    pipe(client, upstream);
                    pipe(upstream, client);
                } else {
                    // the TLS upgrade on its own thread: a slow or refusing client holds up no other
                    Thread upgrade = new Thread(() -> upgradeAndPipe(client, upstream), "tcp-proxy-tls");
                    upgrade.setDaemon(true);
                    upgrade.start();
                }
            } catch (IOException e) {
                // Listener closed by stop(), or the database refused: the client sees a closed socket.
            }
        }
    }

    private void upgradeAndPipe(Socket client, Socket upstream) {
        Socket secured;
        try {
            secured = front == Front.POSTGRES_TLS ? terminatePostgresTls(client) : terminateMariaDbTls(client, upstream);
        } catch (IOException e) {
            // Not the expected upgrade, or the client refused the certificate: it sees a closed socket.
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        sockets.add(secured);
        pipe(secured, upstream);
        pipe(upstream, secured);
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
        SSLSocket secured = handshake(client);
        secured.setSoTimeout(0);
        return secured;
    }

    private Socket terminateMariaDbTls(Socket client, Socket upstream) throws IOException {
        client.setSoTimeout(10_000);
        upstream.setSoTimeout(10_000);
        InputStream fromServer = upstream.getInputStream();
        OutputStream toServer = upstream.getOutputStream();
        byte[] greeting = readPacket(fromServer);
        if ((greeting[4] & 0xFF) != 10) {
            throw new IOException("not a protocol-10 greeting");
        }
        // payload: version 10, server version (NUL-terminated), connection id (4), scramble (8),
        // filler (1), capability flags (lower 2 bytes, little-endian)
        int capabilities = 5;
        while (greeting[capabilities] != 0) {
            capabilities++;
        }
        capabilities += 1 + 4 + 8 + 1;
        greeting[capabilities + 1] |= CLIENT_SSL_BIT_IN_SECOND_BYTE;
        writePacket(client.getOutputStream(), greeting);

        byte[] sslRequest = readPacket(client.getInputStream());
        if (sslRequest[3] != 1 || (sslRequest[5] & CLIENT_SSL_BIT_IN_SECOND_BYTE) == 0) {
            throw new IOException("expected an SSL request packet");
        }
        SSLSocket secured = handshake(client);
        InputStream fromClient = secured.getInputStream();
        OutputStream toClient = secured.getOutputStream();
        // The login: the server never saw the SSL request, so client packets are one sequence number
        // ahead of what it expects and its answers one behind what the client expects.
        byte[] packet = readPacket(fromClient);
        packet[5] &= (byte) ~CLIENT_SSL_BIT_IN_SECOND_BYTE;
        while (true) {
            packet[3]--;
            writePacket(toServer, packet);
            byte[] reply = readPacket(fromServer);
            reply[3]++;
            writePacket(toClient, reply);
            int kind = reply[4] & 0xFF;
            if (kind == 0x00 || kind == 0xFF) {
                break; // OK or ERR: the login is over, sequence numbers restart with each command
            }
            packet = readPacket(fromClient); // an answer to an authentication switch or more data
        }
        secured.setSoTimeout(0);
        upstream.setSoTimeout(0);
        return secured;
    }

    /** One MariaDB protocol packet: 3-byte little-endian length, sequence number, payload. */
    private static byte[] readPacket(InputStream in) throws IOException {
        byte[] header = in.readNBytes(4);
        if (header.length < 4) {
            throw new IOException("connection closed");
        }
        int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
        byte[] packet = new byte[4 + length];
        System.arraycopy(header, 0, packet, 0, 4);
        if (in.readNBytes(packet, 4, length) < length) {
            throw new IOException("connection closed");
        }
        return packet;
    }

    private static void writePacket(OutputStream out, byte[] packet) throws IOException {
        out.write(packet);
        out.flush();
    }

    private SSLSocket handshake(Socket client) throws IOException {
        SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(client, null, client.getPort(), true);
        secured.setUseClientMode(false);
        secured.startHandshake();
        return secured;
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    holdWhileFrozen();
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

    private void holdWhileFrozen() throws IOException {
        while (frozen) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while frozen", e);
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
