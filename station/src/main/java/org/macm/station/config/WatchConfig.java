package org.macm.station.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The encounter watch of a running station: the unit registry, optional zones, this
 * station's side and the other party's, and the feeds it reads.
 */
public record WatchConfig(Path units, Optional<Path> zones, String side, String otherSide, List<Source> sources) {
    public WatchConfig {
        sources = List.copyOf(sources);
    }

    /** What a feed carries. */
    public enum Format {
        AIS, SBS, JSON
    }

    /** One feed. */
    public sealed interface Source {
        Format format();

        /** A recorded file, replayed at {@code speed} times the recorded pace (0: as fast as possible). */
        record Replay(Format format, Path file, double speed) implements Source {
        }

        /** A TCP feed this station connects to (reconnecting after a loss). */
        record TcpClient(Format format, InetSocketAddress address) implements Source {
        }

        /** A port where feeders connect and push lines. */
        record TcpServer(Format format, InetSocketAddress address) implements Source {
        }

        /** UDP datagrams of lines. */
        record Udp(Format format, InetSocketAddress address) implements Source {
        }
    }
}
