package dev.gatehouse.lambda.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder between the proxy under test and the database. {@link #stop()} drops
 * every forwarded connection and, until {@link #start()}, closes each new one at once: what a client
 * sees of a database that restarts. (The listener itself stays bound, so the port cannot be taken
 * by anything else in between.)
 */
final class TcpProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private volatile boolean down;

    TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
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
