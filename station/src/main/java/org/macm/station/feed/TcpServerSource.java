package org.macm.station.feed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.macm.station.StationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts feeders that push lines to this station (several at once, each on its own
 * thread). Lines from all feeders go to the one sink, which must therefore be thread-safe.
 */
public final class TcpServerSource implements LineSource {
    private static final Logger LOG = LoggerFactory.getLogger(TcpServerSource.class);

    private final ServerSocket server;
    private final Framing framing;
    private final FramingCounts dropped = new FramingCounts();
    private final AtomicLong lines = new AtomicLong();
    private final Map<Socket, Boolean> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Binds at once, so a port in use is reported when the watch starts. */
    public TcpServerSource(InetSocketAddress bind) {
        this(bind, Framing.TEXT);
    }

    /** Binds at once; each feeder's bytes become lines through {@code framing}. */
    public TcpServerSource(InetSocketAddress bind, Framing framing) {
        this.framing = Objects.requireNonNull(framing, "framing");
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(bind);
        } catch (IOException e) {
            throw new StationException("cannot listen for feeds on " + bind + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public TcpServerSource start(LineSink sink) {
        Thread.ofPlatform().daemon().name("macm-feed-accept-" + port()).start(() -> {
            while (!closed) {
                try {
                    Socket s = server.accept();
                    clients.put(s, Boolean.TRUE);
                    Thread.ofVirtual().name("macm-feed-in").start(() -> serve(s, sink));
                } catch (IOException e) {
                    if (!closed) {
                        LOG.warn("feed server {}: {}", port(), e.getMessage());
                    }
                }
            }
        });
        return this;
    }

    private void serve(Socket s, LineSink sink) {
        try (s) {
            LineStream reader = framing.open(s.getInputStream(), dropped);
            for (String line; !closed && (line = reader.next()) != null; ) {
                // Counted first: whatever the line causes (a track, an alert) is seen with it counted.
                lines.incrementAndGet();
                sink.line(line);
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.info("feeder {} left: {}", s.getRemoteSocketAddress(), e.getMessage());
            }
        } finally {
            clients.remove(s);
        }
    }

    @Override
    public FramingCounts.Snapshot dropped() {
        return dropped.snapshot();
    }

    @Override
    public String describe() {
        return "tcp-server :" + port();
    }

    @Override
    public long lines() {
        return lines.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // Stopping; the socket is unusable either way.
        }
        for (Socket s : clients.keySet()) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Same.
            }
        }
    }
}
