package org.macm.station.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HexFormat;

/**
 * A stand-in for readsb's Beast output (port 30005) on a real loopback socket: it accepts one
 * client at a time, writes the bytes a test gives it, and drops the connection, as a receiver
 * does when it restarts. Frames are written as readsb writes them: 0x1A, the type ('1' Mode
 * A/C, '2' short, '3' long), a 6-byte 12 MHz timestamp, a signal byte and the frame, every
 * 0x1A among them doubled.
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

    /** The Beast bytes of one Mode S frame given in hex (7 or 14 bytes) or a Mode A/C reply (2 bytes). */
    public static byte[] frame(String hex, long timestamp, int signal) {
        byte[] frame = HexFormat.of().parseHex(hex);
        char type = switch (frame.length) {
            case 2 -> '1';
            case 7 -> '2';
            case 14 -> '3';
            default -> throw new IllegalArgumentException("not a Mode S frame length: " + frame.length);
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x1A);
        out.write(type);
        for (int i = 5; i >= 0; i--) {
            escaped(out, (int) (timestamp >>> (8 * i)) & 0xFF);
        }
        escaped(out, signal);
        for (byte b : frame) {
            escaped(out, b & 0xFF);
        }
        return out.toByteArray();
    }

    private static void escaped(ByteArrayOutputStream out, int b) {
        out.write(b);
        if (b == 0x1A) {
            out.write(b);
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
