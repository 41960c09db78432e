package org.macm.station.feed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a TCP feed (an AIS receiver on port 10110; dump1090/readsb's SBS-1 on 30003, AVR
 * on 30002, Beast on 30005) and reconnects after a loss, waiting 1 s, doubling up to 30 s.
 * The feed's {@link Framing} turns each connection's bytes into lines, so this is the one
 * reconnecting client for text and binary feeds.
 */
public final class TcpClientSource implements LineSource {
    private static final Logger LOG = LoggerFactory.getLogger(TcpClientSource.class);

    private final InetSocketAddress address;
    private final Framing framing;
    private final FramingCounts dropped = new FramingCounts();
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean closed;
    private volatile Socket socket;
    private Thread thread;

    public TcpClientSource(InetSocketAddress address) {
        this(address, Framing.TEXT);
    }

    public TcpClientSource(InetSocketAddress address, Framing framing) {
        this(address, framing, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /**
     * @param firstBackoff the wait after the first loss (or a refused connection)
     * @param maxBackoff   the longest wait; each loss in a row doubles the wait up to it
     */
    public TcpClientSource(InetSocketAddress address, Framing framing, Duration firstBackoff, Duration maxBackoff) {
        this.address = Objects.requireNonNull(address, "address");
        this.framing = Objects.requireNonNull(framing, "framing");
        if (firstBackoff.isNegative() || firstBackoff.isZero() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive and at most " + maxBackoff + ", not " + firstBackoff);
        }
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public synchronized TcpClientSource start(LineSink sink) {
        thread = Thread.ofPlatform().daemon().name("macm-feed-" + address.getPort()).start(() -> run(sink));
        return this;
    }

    private void run(LineSink sink) {
        long backoff = firstBackoff.toMillis();
        while (!closed) {
            try (Socket s = new Socket()) {
                socket = s;
                s.connect(address, 5000);
                connections.incrementAndGet();
                LOG.info("feed {} connected", address);
                backoff = firstBackoff.toMillis();
                LineStream reader = framing.open(s.getInputStream(), dropped);
                for (String line; !closed && (line = reader.next()) != null; ) {
                    // Counted first: whatever the line causes (a track, an alert) is seen with it counted.
                    lines.incrementAndGet();
                    sink.line(line);
                }
            } catch (IOException e) {
                if (!closed) {
                    LOG.info("feed {}: {}; reconnecting in {} ms", address, e.getMessage(), backoff);
                }
            }
            if (closed) {
                return;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = Math.min(maxBackoff.toMillis(), backoff * 2);
        }
    }

    /** How many times it has connected (1 + reconnects). */
    public long connections() {
        return connections.get();
    }

    @Override
    public FramingCounts.Snapshot dropped() {
        return dropped.snapshot();
    }

    @Override
    public String describe() {
        return "tcp-client " + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public long lines() {
        return lines.get();
    }

    @Override
    public void close() {
        closed = true;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Closing to stop the reader; it is closed either way.
            }
        }
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
        }
    }
}
