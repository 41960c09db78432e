package org.macm.station.feed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads lines from a TCP feed (an AIS receiver on port 10110, dump1090's SBS-1 on 30003) and
 * reconnects after a loss, waiting 1 s, doubling up to 30 s.
 */
public final class TcpClientSource implements LineSource {
    private static final Logger LOG = LoggerFactory.getLogger(TcpClientSource.class);

    private final InetSocketAddress address;
    private final Duration maxBackoff;
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean closed;
    private volatile Socket socket;
    private Thread thread;

    public TcpClientSource(InetSocketAddress address) {
        this(address, Duration.ofSeconds(30));
    }

    public TcpClientSource(InetSocketAddress address, Duration maxBackoff) {
        this.address = address;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public synchronized TcpClientSource start(LineSink sink) {
        thread = Thread.ofPlatform().daemon().name("macm-feed-" + address.getPort()).start(() -> run(sink));
        return this;
    }

    private void run(LineSink sink) {
        long backoff = 1000;
        while (!closed) {
            try (Socket s = new Socket()) {
                socket = s;
                s.connect(address, 5000);
                connections.incrementAndGet();
                LOG.info("feed {} connected", address);
                backoff = 1000;
                LineReader reader = new LineReader(s.getInputStream());
                for (String line; !closed && (line = reader.next()) != null; ) {
                    sink.line(line);
                    lines.incrementAndGet();
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
