package org.macm.station.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.feed.FeedFormat;

/**
 * The encounter watch of a running station: the unit registry, optional zones, this
 * station's side and the other party's, and the feeds it reads.
 */
public record WatchConfig(Path units, Optional<Path> zones, String side, String otherSide, List<Source> sources,
        Thresholds thresholds, Optional<GeoPoint> receiver) {
    public WatchConfig {
        sources = List.copyOf(sources);
    }

    /**
     * When a pair of units of the two sides alerts, per pair kind: closest approach in
     * nautical miles (and feet apart vertically for aircraft) within a horizon.
     */
    public record Thresholds(double surfaceNm, Duration surfaceWithin, double airNm, double airFeet, Duration airWithin) {
        public static final Thresholds DEFAULTS = new Thresholds(2, Duration.ofMinutes(20), 5, 1000, Duration.ofMinutes(5));
    }

    /** One feed. */
    public sealed interface Source {
        FeedFormat format();

        /** A recorded file, replayed at {@code speed} times the recorded pace (0: as fast as possible). */
        record Replay(FeedFormat format, Path file, double speed) implements Source {
        }

        /** A TCP feed this station connects to (reconnecting after a loss). */
        record TcpClient(FeedFormat format, InetSocketAddress address) implements Source {
        }

        /** A port where feeders connect and push lines. */
        record TcpServer(FeedFormat format, InetSocketAddress address) implements Source {
        }

        /** UDP datagrams of lines. */
        record Udp(FeedFormat format, InetSocketAddress address) implements Source {
        }
    }
}
