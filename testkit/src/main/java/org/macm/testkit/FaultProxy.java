package org.macm.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One network path in a test or a benchmark: a TCP proxy on loopback that forwards to a
 * target port and breaks on command, the ways real paths break. The chaos test and the link
 * benchmarks share it, so that a fault means the same in both.
 *
 * <ul>
 *   <li>{@link #cut()}: every connection is reset at once and new ones are reset on arrival,
 *       until {@link #heal()} (a cable pulled, a router rebooting).
 *   <li>{@link #blackhole()}: connections stay open but nothing passes either way, not even
 *       a close, until {@link #heal()}, which then resets them (a silent outage: only the
 *       stations' heartbeats can notice it).
 *   <li>{@link #delay(Duration)}: every chunk is delivered that much later; latency, not a
 *       bandwidth limit, and order is kept (a long satellite hop).
 * </ul>
 *
 * <p>Bounded: at most {@value #MAX_CONNECTIONS} connections and {@value #QUEUED_CHUNKS}
 * chunks queued per direction (a full queue stops reading, so TCP pushes back). Each
 * connection runs on four virtual threads; {@link #close()} stops all of them.
 */
public final class FaultProxy implements AutoCloseable {
    public static final int MAX_CONNECTIONS = 32;
    public static final int QUEUED_CHUNKS = 64;
    private static final int CHUNK = 16 * 1024;

    private enum Mode { PASS, CUT, BLACKHOLE }

    private final String name;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile Mode mode = Mode.PASS;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean closed;

    private FaultProxy(String name, int targetPort, ServerSocket server) {
        this.name = name;
        this.targetPort = targetPort;
        this.server = server;
        this.acceptor = Thread.ofVirtual().name("proxy-" + name + "-accept").start(this::acceptLoop);
    }

    /** Starts a proxy on a free loopback port that forwards to {@code targetPort} on loopback. */
    public static FaultProxy start(String name, int targetPort) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        return new FaultProxy(name, targetPort, server);
    }

    public String name() {
        return name;
    }

    /** The port that stations dial to use this path. */
    public int port() {
        return server.getLocalPort();
    }

    /** Resets every connection and every new one until {@link #heal()}. */
    public void cut() {
        mode = Mode.CUT;
        connections.forEach(Connection::reset);
    }

    /** Lets nothing through, either way, on any connection, until {@link #heal()}. */
    public void blackhole() {
        mode = Mode.BLACKHOLE;
        connections.forEach(Connection::swallow);
    }

    /** Adds {@code latency} to every chunk from now on (cleared by {@link #heal()}). */
    public void delay(Duration latency) {
        delay = latency;
    }

    /** Back to a clean path. Connections that lived through a blackhole lost bytes, so they are reset. */
    public void heal() {
        mode = Mode.PASS;
        delay = Duration.ZERO;
        connections.stream().filter(Connection::swallowed).forEach(Connection::reset);
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        connections.forEach(Connection::reset);
        acceptor.interrupt();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                continue; // closed, or a transient accept failure; the loop condition decides
            }
            if (mode == Mode.CUT || connections.size() >= MAX_CONNECTIONS) {
                resetQuietly(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2_000);
                // Small frames (heartbeats, receipts) must not wait for Nagle: the benchmarks time them.
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
            } catch (IOException e) {
                // The station behind this path is down: the dialler sees the same as a refused connect.
                resetQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            Connection c = new Connection(client, upstream);
            connections.add(c);
            if (mode == Mode.BLACKHOLE) {
                c.swallow();
            }
            c.start();
        }
    }

    /** One proxied connection: two directions, each a reader and a writer with a queue between. */
    private final class Connection {
        private final Socket client;
        private final Socket upstream;
        private final Thread[] threads = new Thread[4];
        private volatile boolean swallowed;
        private volatile boolean ended;

        Connection(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            BlockingQueue<Chunk> up = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
            BlockingQueue<Chunk> down = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
            threads[0] = Thread.ofVirtual().name("proxy-" + name + "-read-up").start(() -> read(client, up));
            threads[1] = Thread.ofVirtual().name("proxy-" + name + "-write-up").start(() -> write(up, upstream));
            threads[2] = Thread.ofVirtual().name("proxy-" + name + "-read-down").start(() -> read(upstream, down));
            threads[3] = Thread.ofVirtual().name("proxy-" + name + "-write-down").start(() -> write(down, client));
        }

        boolean swallowed() {
            return swallowed;
        }

        void swallow() {
            swallowed = true;
        }

        private void read(Socket from, BlockingQueue<Chunk> queue) {
            byte[] buffer = new byte[CHUNK];
            try {
                InputStream in = from.getInputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (swallowed) {
                        continue;
                    }
                    queue.put(Chunk.of(Arrays.copyOf(buffer, n), System.nanoTime() + delay.toNanos()));
                }
                if (!swallowed) {
                    queue.put(Chunk.END); // the writer resets the connection after what was queued before it
                }
            } catch (IOException e) {
                if (!swallowed) {
                    reset();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // In a blackhole even a close does not get through: the connection waits for heal() or close().
        }

        private void write(BlockingQueue<Chunk> queue, Socket to) {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk c = queue.take();
                    if (c.end) {
                        reset();
                        return;
                    }
                    long wait = c.dueNanos - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(Duration.ofNanos(wait));
                    }
                    if (!swallowed) {
                        out.write(c.bytes);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                reset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Ends the connection with a reset on both sides and stops its threads. Idempotent. */
        void reset() {
            if (ended) {
                return;
            }
            ended = true;
            connections.remove(this);
            resetQuietly(client);
            resetQuietly(upstream);
            for (Thread t : threads) {
                if (t != null) {
                    t.interrupt();
                }
            }
        }
    }

    /** Bytes read on one side, to be written on the other no earlier than {@code dueNanos}; or the end. */
    private static final class Chunk {
        static final Chunk END = new Chunk(new byte[0], 0, true);

        final byte[] bytes;
        final long dueNanos;
        final boolean end;

        private Chunk(byte[] bytes, long dueNanos, boolean end) {
            this.bytes = bytes;
            this.dueNanos = dueNanos;
            this.end = end;
        }

        static Chunk of(byte[] bytes, long dueNanos) {
            return new Chunk(bytes, dueNanos, false);
        }
    }

    private static void resetQuietly(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // Not connected or already closed: a plain close will do.
        }
        closeQuietly(s);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // Best effort: the socket is unusable either way.
        }
    }
}
