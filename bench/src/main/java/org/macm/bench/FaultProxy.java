package org.macm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One network path for the link benchmarks: a TCP proxy on loopback that forwards to a
 * station's port and breaks on command.
 *
 * <ul>
 *   <li>{@link #cut()}: every connection is reset and new ones are reset on arrival (a cable
 *       pulled: both ends learn at once).
 *   <li>{@link #blackhole()}: connections stay open but every byte is read and dropped, either
 *       way, and new connections are accepted and swallowed too (a silent outage: only
 *       heartbeats can notice it).
 *   <li>{@link #heal()}: back to passing; connections that lost bytes are reset.
 * </ul>
 *
 * <p>Bounded: at most {@value #MAX_CONNECTIONS} connections, two virtual threads each.
 */
final class FaultProxy implements AutoCloseable {
    static final int MAX_CONNECTIONS = 16;

    private enum Mode { PASS, CUT, BLACKHOLE }

    private final int targetPort;
    private final ServerSocket server;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile Mode mode = Mode.PASS;
    private volatile boolean closed;

    private FaultProxy(int targetPort, ServerSocket server) {
        this.targetPort = targetPort;
        this.server = server;
        this.acceptor = Thread.ofVirtual().name("bench-proxy-" + server.getLocalPort()).start(this::acceptLoop);
    }

    /** Starts a proxy on a free loopback port that forwards to {@code targetPort} on loopback. */
    static FaultProxy start(int targetPort) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        return new FaultProxy(targetPort, server);
    }

    int port() {
        return server.getLocalPort();
    }

    void cut() {
        mode = Mode.CUT;
        connections.forEach(Connection::reset);
    }

    void blackhole() {
        mode = Mode.BLACKHOLE;
        connections.forEach(c -> c.swallowed = true);
    }

    void heal() {
        mode = Mode.PASS;
        connections.stream().filter(c -> c.swallowed).forEach(Connection::reset);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing is best effort; the accept loop ends either way.
        }
        connections.forEach(Connection::reset);
        acceptor.interrupt();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                continue; // closed, or a transient failure: the loop condition decides
            }
            if (mode == Mode.CUT || connections.size() >= MAX_CONNECTIONS) {
                reset(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2_000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
            } catch (IOException e) {
                reset(client);
                reset(upstream);
                continue;
            }
            Connection c = new Connection(client, upstream);
            c.swallowed = mode == Mode.BLACKHOLE;
            connections.add(c);
            c.start();
        }
    }

    private static void reset(Socket s) {
        try {
            if (!s.isClosed() && s.isConnected()) {
                s.setSoLinger(true, 0); // RST, not FIN: the far end learns at once
            }
            s.close();
        } catch (IOException ignored) {
            // Already broken; closed either way.
        }
    }

    /** One proxied connection: a pump each way. */
    private final class Connection {
        private final Socket client;
        private final Socket upstream;
        volatile boolean swallowed;

        Connection(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            Thread.ofVirtual().start(() -> pump(client, upstream));
            Thread.ofVirtual().start(() -> pump(upstream, client));
        }

        private void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (!swallowed) {
                        out.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // The connection broke or was reset; end both directions below.
            }
            reset();
        }

        void reset() {
            FaultProxy.reset(client);
            FaultProxy.reset(upstream);
            connections.remove(this);
        }
    }
}
