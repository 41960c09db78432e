package org.macm.station.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.macm.core.log.Precedence;
import org.macm.core.log.StationId;

/**
 * What a person decides when setting up a station's {@code station.toml}: its name and
 * store, where its link listens and which peers it dials, heartbeats, the local API address,
 * acknowledgement deadlines and link tests. {@link StationConfigWriter} writes it, for
 * {@code macm init}, {@code macm demo} and the tests alike, and {@link ConfigFile} reads the
 * file back into a {@link StationConfig}. The encounter watch is not part of it: it is set up
 * by hand once there are feeds.
 *
 * @param station           this station's name
 * @param store             the store file, relative to the station folder or absolute
 * @param listen            addresses the link accepts peers on (none: dial only)
 * @param peers             per peer this station dials, its endpoints, one path each, in order
 * @param heartbeatInterval heartbeat interval on every path
 * @param heartbeatMisses   intervals of silence before a path is closed
 * @param api               the local API address; empty writes no {@code [api]} (loopback, any port)
 * @param ackDeadlines      the human acknowledgement deadline of each precedence
 * @param testInterval      how often a scheduled link test goes out
 * @param testHumanAck      whether the peer's duty officer must acknowledge link tests
 */
public record ConfigSpec(StationId station, Path store, List<InetSocketAddress> listen,
        Map<StationId, List<InetSocketAddress>> peers, Duration heartbeatInterval, int heartbeatMisses,
        Optional<InetSocketAddress> api, Map<Precedence, Duration> ackDeadlines, Duration testInterval,
        boolean testHumanAck) {
    public ConfigSpec {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(store, "store");
        listen = List.copyOf(listen);
        Map<StationId, List<InetSocketAddress>> ordered = new LinkedHashMap<>();
        peers.forEach((peer, endpoints) -> ordered.put(peer, List.copyOf(endpoints)));
        peers = Collections.unmodifiableMap(ordered);
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(api, "api");
        Map<Precedence, Duration> deadlines = new EnumMap<>(Precedence.class);
        for (Precedence p : Precedence.values()) {
            deadlines.put(p, ackDeadlines.getOrDefault(p, p.defaultAckDeadline()));
        }
        ackDeadlines = Collections.unmodifiableMap(deadlines);
        Objects.requireNonNull(testInterval, "testInterval");
    }

    /** The documented defaults, the link on loopback port 7701 and the API on 7801; {@code macm init} puts free ports in their place. */
    public static ConfigSpec initial(StationId station) {
        return new ConfigSpec(station, Path.of("store", "macm.db"), List.of(loopback(7701)),
                Map.of(), Duration.ofSeconds(2), 3, Optional.of(loopback(7801)), Map.of(),
                Duration.ofHours(1), false);
    }

    /** 127.0.0.1 at {@code port}, written as an operator writes it rather than as "localhost". */
    public static InetSocketAddress loopback(int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }

    public ConfigSpec withStore(Path file) {
        return new ConfigSpec(station, file, listen, peers, heartbeatInterval, heartbeatMisses, api, ackDeadlines,
                testInterval, testHumanAck);
    }

    public ConfigSpec withListen(List<InetSocketAddress> addresses) {
        return new ConfigSpec(station, store, addresses, peers, heartbeatInterval, heartbeatMisses, api, ackDeadlines,
                testInterval, testHumanAck);
    }

    /** Dials {@code peer} at {@code endpoints} (replacing what was set for it); no endpoints removes it. */
    public ConfigSpec withPeer(StationId peer, List<InetSocketAddress> endpoints) {
        Map<StationId, List<InetSocketAddress>> next = new LinkedHashMap<>(peers);
        if (endpoints.isEmpty()) {
            next.remove(peer);
        } else {
            next.put(peer, endpoints);
        }
        return new ConfigSpec(station, store, listen, next, heartbeatInterval, heartbeatMisses, api, ackDeadlines,
                testInterval, testHumanAck);
    }

    public ConfigSpec withHeartbeat(Duration interval, int misses) {
        return new ConfigSpec(station, store, listen, peers, interval, misses, api, ackDeadlines, testInterval,
                testHumanAck);
    }

    public ConfigSpec withApi(Optional<InetSocketAddress> address) {
        return new ConfigSpec(station, store, listen, peers, heartbeatInterval, heartbeatMisses, address, ackDeadlines,
                testInterval, testHumanAck);
    }

    public ConfigSpec withAckDeadline(Precedence precedence, Duration deadline) {
        Map<Precedence, Duration> next = new EnumMap<>(ackDeadlines);
        next.put(precedence, deadline);
        return new ConfigSpec(station, store, listen, peers, heartbeatInterval, heartbeatMisses, api, next,
                testInterval, testHumanAck);
    }

    public ConfigSpec withLinkTests(Duration interval, boolean humanAck) {
        return new ConfigSpec(station, store, listen, peers, heartbeatInterval, heartbeatMisses, api, ackDeadlines,
                interval, humanAck);
    }
}
