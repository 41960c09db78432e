package org.macm.station.run;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.macm.core.log.StationId;
import org.macm.station.StationInit;
import org.macm.station.StationLayout;
import org.macm.station.identity.Identity;
import org.macm.station.identity.PeerRegistry;

/** Two real station folders, pinned to each other, with configs for loopback and fast heartbeats. */
final class TwoStations {
    static final StationId JP = StationId.of("jp-mod");
    static final StationId CN = StationId.of("cn-mnd");

    final StationLayout jp;
    final StationLayout cn;

    TwoStations(Path root) {
        jp = new StationLayout(root.resolve("jp-mod"));
        cn = new StationLayout(root.resolve("cn-mnd"));
        StationInit init = new StationInit(new SecureRandom(), Clock.systemUTC());
        Identity jpId = init.create(jp, JP);
        Identity cnId = init.create(cn, CN);
        new PeerRegistry(jp).pin(jpId, cnId);
        new PeerRegistry(cn).pin(cnId, jpId);
    }

    /** A loopback port that was free a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Writes a station.toml: listen addresses, the endpoints it dials at the peer, heartbeat. */
    static void configure(StationLayout layout, StationId self, List<String> listen, StationId peer, List<String> dial,
            String heartbeat) throws IOException {
        String quoted = listen.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
        String endpoints = dial.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
        Files.writeString(layout.config(), """
                station = "%s"
                [link]
                listen = [%s]
                heartbeat-interval = "%s"
                heartbeat-misses = 3
                %s
                [api]
                listen = "127.0.0.1:0"
                [link-tests]
                interval = "1h"
                """.formatted(self, quoted, heartbeat, dial.isEmpty() ? ""
                        : "[[peers]]\nstation = \"" + peer + "\"\nendpoints = [" + endpoints + "]\n"));
    }
}
