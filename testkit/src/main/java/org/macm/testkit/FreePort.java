package org.macm.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback ports that were free a moment ago, for a server that must listen on a port known
 * before it starts (a station restarted on the same port, a port written into a config).
 * Where the server can bind port 0 and say which port it got, prefer that: a port found here
 * can be taken by someone else before it is used.
 */
public final class FreePort {
    private FreePort() {
    }

    /** One free loopback port. */
    public static int loopback() {
        return loopback(1).get(0);
    }

    /** {@code n} distinct free loopback ports (all held open together while they are found). */
    public static List<Integer> loopback(int n) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket();
                held.add(s);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // Only probing: the port is released either way.
                }
            }
        }
    }
}
