package org.macm.link;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;

/** What the link tests share: starting a station's links against its in-memory host, and waiting with a deadline. */
final class LinkFixtures {
    /** Port 0 on loopback: the listener says which port it got. */
    static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private LinkFixtures() {
    }

    static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** A frame as bytes on the wire, its payload as given, for frames the codec would not write. */
    static byte[] rawFrame(int type, byte[] payload) {
        return java.nio.ByteBuffer.allocate(5 + payload.length).putInt(payload.length + 1).put((byte) type).put(payload)
                .array();
    }

    /** Starts {@code self}'s links to its one pinned peer, with real TLS, on real sockets. */
    static Links start(TestStation self, TestStation peer, LinkHost host, LinkConfig config) {
        return new Links(config, self.tlsPinning(peer), host, List.of(peer.id()), Clock.systemUTC()).start();
    }

}
