package org.macm.station;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.macm.core.log.StationId;
import org.macm.station.config.ConfigSpec;
import org.macm.station.config.StationConfigWriter;
import org.macm.station.identity.Identity;
import org.macm.station.identity.PeerRegistry;

/**
 * Two stations on one machine, jp-mod and cn-mnd, in folders {@code ROOT/jp-mod} and
 * {@code ROOT/cn-mnd}: created as {@code macm init} creates a station, pinned to each other
 * through their identity files as {@code macm peer add} pins a peer, and configured for
 * loopback through {@link StationConfigWriter}, the writer {@code macm init} uses.
 * {@code macm demo} runs on such a pair, and so do the tests and benchmarks, so that what
 * they exercise is set up the way an operator sets it up.
 *
 * <p>A spec from {@link #spec} keeps the documented defaults except that the API takes any
 * free loopback port and the link neither listens nor dials until told to, so that the two
 * stations never collide on a port; heartbeats and link tests are this pair's.
 */
public final class StationPair {
    public static final StationId JP = StationId.of("jp-mod");
    public static final StationId CN = StationId.of("cn-mnd");

    private final StationLayout jp;
    private final StationLayout cn;
    private final Duration heartbeat;
    private final int misses;
    private final Duration linkTests;
    private final boolean linkTestsHumanAck;

    private StationPair(StationLayout jp, StationLayout cn, Duration heartbeat, int misses, Duration linkTests,
            boolean linkTestsHumanAck) {
        this.jp = jp;
        this.cn = cn;
        this.heartbeat = heartbeat;
        this.misses = misses;
        this.linkTests = linkTests;
        this.linkTestsHumanAck = linkTestsHumanAck;
    }

    /** Creates both stations under {@code root} (keeping either that exists) and pins them to each other. */
    public static StationPair create(Path root) {
        return create(root, new SecureRandom(), Clock.systemUTC(), (station, layout) -> { });
    }

    /**
     * Creates each station under {@code root} that does not exist yet (telling {@code created}
     * about it) and keeps one that does, with its keys and logs; then pins the two to each
     * other. Pinning again what is already pinned changes nothing.
     */
    public static StationPair create(Path root, SecureRandom random, Clock clock,
            BiConsumer<StationId, StationLayout> created) {
        StationLayout jp = new StationLayout(root.resolve(JP.value()));
        StationLayout cn = new StationLayout(root.resolve(CN.value()));
        StationInit init = new StationInit(random, clock);
        Identity jpId = existingOrNew(init, jp, JP, created);
        Identity cnId = existingOrNew(init, cn, CN, created);
        new PeerRegistry(jp).pin(jpId, Identity.read(cn.identity()), clock.instant());
        new PeerRegistry(cn).pin(cnId, Identity.read(jp.identity()), clock.instant());
        ConfigSpec defaults = ConfigSpec.initial(JP);
        return new StationPair(jp, cn, defaults.heartbeatInterval(), defaults.heartbeatMisses(), defaults.testInterval(),
                defaults.testHumanAck());
    }

    private static Identity existingOrNew(StationInit init, StationLayout layout, StationId id,
            BiConsumer<StationId, StationLayout> created) {
        if (Files.exists(layout.identity())) {
            return Identity.read(layout.identity());
        }
        Identity identity = init.create(layout, id);
        created.accept(id, layout);
        return identity;
    }

    /** The same pair, its specs with this heartbeat (interval, and silent intervals before a path closes). */
    public StationPair withHeartbeat(Duration interval, int silentIntervals) {
        return new StationPair(jp, cn, interval, silentIntervals, linkTests, linkTestsHumanAck);
    }

    /** The same pair, its specs with this link-test schedule. */
    public StationPair withLinkTests(Duration interval, boolean humanAck) {
        return new StationPair(jp, cn, heartbeat, misses, interval, humanAck);
    }

    public StationLayout jp() {
        return jp;
    }

    public StationLayout cn() {
        return cn;
    }

    public StationLayout layout(StationId station) {
        if (station.equals(JP)) {
            return jp;
        }
        if (station.equals(CN)) {
            return cn;
        }
        throw notInThePair(station);
    }

    /** The public identity of {@code station}, as its identity file gives it to the peer. */
    public Identity identity(StationId station) {
        return Identity.read(layout(station).identity());
    }

    /** The other station of the pair. */
    public static StationId peerOf(StationId station) {
        if (station.equals(JP)) {
            return CN;
        }
        if (station.equals(CN)) {
            return JP;
        }
        throw notInThePair(station);
    }

    private static StationException notInThePair(StationId station) {
        return new StationException("the pair holds " + JP + " and " + CN + ", not " + station);
    }

    /** {@code self}'s loopback spec: API on any free port, no link addresses yet, this pair's timings. */
    public ConfigSpec spec(StationId self) {
        return ConfigSpec.initial(self).withListen(List.of())
                .withApi(Optional.of(ConfigSpec.loopback(0)))
                .withHeartbeat(heartbeat, misses).withLinkTests(linkTests, linkTestsHumanAck);
    }

    /** {@code self} listening on {@code addresses}, dialling nobody. */
    public ConfigSpec listening(StationId self, List<InetSocketAddress> addresses) {
        return spec(self).withListen(addresses);
    }

    /** {@code self} dialling the other station at {@code endpoints}, one path each, listening nowhere. */
    public ConfigSpec dialling(StationId self, List<InetSocketAddress> endpoints) {
        return spec(self).withPeer(peerOf(self), endpoints);
    }

    /** Writes {@code spec} as the station.toml of the station it names, replacing what is there. */
    public void write(ConfigSpec spec) {
        StationConfigWriter.write(spec, layout(spec.station()).config());
    }

    /**
     * Loopback addresses at {@code ports} (0: any free port, chosen when the station starts),
     * written 127.0.0.1 as an operator writes them.
     */
    public static List<InetSocketAddress> loopback(List<Integer> ports) {
        return ports.stream().map(ConfigSpec::loopback).toList();
    }

    /** Loopback addresses at {@code ports}. */
    public static List<InetSocketAddress> loopback(Integer... ports) {
        return loopback(List.of(ports));
    }

    /** Opens both stations (store and keys; no link, no API), as the station-level tests want them. */
    public Opened open(Clock clock) {
        Station j = Station.open(jp, clock);
        try {
            return new Opened(j, Station.open(cn, clock));
        } catch (RuntimeException e) {
            j.close();
            throw e;
        }
    }

    /** Both stations opened; closing closes both, even when the first fails to close. */
    public record Opened(Station jp, Station cn) implements AutoCloseable {
        @Override
        public void close() {
            try {
                jp.close();
            } finally {
                cn.close();
            }
        }
    }
}
