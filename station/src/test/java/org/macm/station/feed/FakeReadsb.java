package org.macm.station.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A stand-in for readsb's Beast output (port 30005) on a real loopback socket: it accepts one
 * client at a time, writes the bytes a test gives it, and drops the connection, as a receiver
 * does when it restarts. The test kit's {@code BeastRecords} writes frames as readsb does.
 */
public final class FakeReadsb implements AutoCloseable {
    private final ServerSocket server;

    public FakeReadsb() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Accepts the next client, sends {@code bytes}, then drops it. */
    public void serveAndDrop(byte[] bytes) throws IOException {
        try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
            out.write(bytes);
            out.flush();
        }
    }

    /** Byte arrays one after the other. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
