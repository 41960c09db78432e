package org.macm.station.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.macm.station.StationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lines from UDP datagrams (AIS receivers often broadcast NMEA this way); one datagram may hold several lines. */
public final class UdpSource implements LineSource {
    private static final Logger LOG = LoggerFactory.getLogger(UdpSource.class);

    private final DatagramSocket socket;
    private final AtomicLong lines = new AtomicLong();
    private volatile boolean closed;

    public UdpSource(InetSocketAddress bind) {
        try {
            socket = new DatagramSocket(bind);
        } catch (IOException e) {
            throw new StationException("cannot listen for UDP feeds on " + bind + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public UdpSource start(LineSink sink) {
        Thread.ofPlatform().daemon().name("macm-feed-udp-" + port()).start(() -> {
            byte[] buffer = new byte[65_535];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            while (!closed) {
                try {
                    socket.receive(packet);
                    LineReader reader = new LineReader(new ByteArrayInputStream(buffer, 0, packet.getLength()));
                    for (String line; (line = reader.next()) != null; ) {
                        if (!line.isEmpty()) {
                            // Counted first: whatever the line causes (a track, an alert) is seen with it counted.
                            lines.incrementAndGet();
                            sink.line(line);
                        }
                    }
                } catch (IOException e) {
                    if (!closed) {
                        LOG.warn("UDP feed {}: {}", port(), e.getMessage());
                    }
                }
            }
        });
        return this;
    }

    @Override
    public String describe() {
        return "udp :" + port();
    }

    @Override
    public long lines() {
        return lines.get();
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
    }
}
