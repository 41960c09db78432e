package org.macm.station.chaos;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.macm.core.log.StationId;
import org.macm.station.StationInit;
import org.macm.station.StationLayout;
import org.macm.station.identity.Identity;
import org.macm.station.identity.PeerRegistry;

/**
 * The two station folders of a chaos run, created and pinned to each other as operators do
 * it: cn-mnd listens on two fixed loopback ports (it keeps them across restarts), and
 * jp-mod dials it through two {@link FaultProxy} paths. Heartbeats every 200 ms, three misses.
 */
final class ChaosStations {
    static final StationId JP = StationId.of("jp-mod");
    static final StationId CN = StationId.of("cn-mnd");
    static final String HEARTBEAT = "200ms";
    static final int MISSES = 3;

    final StationLayout jp;
    final StationLayout cn;

    ChaosStations(Path root) {
        jp = new StationLayout(root.resolve("jp-mod"));
        cn = new StationLayout(root.resolve("cn-mnd"));
        StationInit init = new StationInit(new SecureRandom(), Clock.systemUTC());
        Identity jpId = init.create(jp, JP);
        Identity cnId = init.create(cn, CN);
        new PeerRegistry(jp).pin(jpId, cnId);
        new PeerRegistry(cn).pin(cnId, jpId);
    }

    /** Two loopback ports free right now, for cn-mnd to listen on across its restarts. */
    static List<Integer> freePorts(int n) throws IOException {
        ServerSocket[] sockets = new ServerSocket[n];
        try {
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket();
                sockets[i].bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            }
            return Arrays.stream(sockets).map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    void configure(List<Integer> cnListenPorts, List<Integer> jpDialPorts) throws IOException {
        write(cn, CN, addresses(cnListenPorts), List.of());
        write(jp, JP, List.of(), addresses(jpDialPorts));
    }

    private static List<String> addresses(List<Integer> ports) {
        return ports.stream().map(p -> "127.0.0.1:" + p).toList();
    }

    private static void write(StationLayout layout, StationId self, List<String> listen, List<String> dial)
            throws IOException {
        String peer = self.equals(JP) ? CN.value() : JP.value();
        String peers = dial.isEmpty() ? ""
                : "[[peers]]\nstation = \"" + peer + "\"\nendpoints = [" + quoted(dial) + "]\n";
        Files.writeString(layout.config(), """
                station = "%s"
                [link]
                listen = [%s]
                heartbeat-interval = "%s"
                heartbeat-misses = %d
                %s
                [api]
                listen = "127.0.0.1:0"
                [link-tests]
                interval = "1h"
                """.formatted(self, quoted(listen), HEARTBEAT, MISSES, peers));
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }
}
