package org.macm.link;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.macm.core.log.StationId;

/**
 * How this station's links run: where it listens, which peer endpoints it dials (each one
 * a path), and the liveness rules. A link is DOWN after {@code heartbeatMisses} heartbeat
 * intervals of silence on every path (default 3 x 2 s: DOWN within 6 s).
 *
 * @param self              this station
 * @param listen            addresses to accept peers on (may be empty: dial only)
 * @param dial              per peer, the endpoints to dial; each endpoint is one path
 * @param heartbeatInterval how often each path sends a heartbeat
 * @param heartbeatMisses   how many intervals of silence close a path
 * @param handshakeTimeout  how long TLS and HELLO may take
 * @param reconnectMin      first wait before redialling a path
 * @param reconnectMax      longest wait between redials
 */
public record LinkConfig(StationId self, List<InetSocketAddress> listen, Map<StationId, List<InetSocketAddress>> dial,
        Duration heartbeatInterval, int heartbeatMisses, Duration handshakeTimeout, Duration reconnectMin,
        Duration reconnectMax) {

    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(2);
    public static final int DEFAULT_MISSES = 3;

    public LinkConfig {
        Objects.requireNonNull(self, "self");
        listen = List.copyOf(listen);
        dial = Map.copyOf(dial);
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        if (heartbeatInterval.toMillis() < 10 || heartbeatMisses < 1) {
            throw new LinkException(ErrorCode.INTERNAL, "heartbeat interval must be at least 10 ms and misses at least 1");
        }
        if (reconnectMin.isNegative() || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new LinkException(ErrorCode.INTERNAL, "reconnect-max must be at least reconnect-min");
        }
    }

    /** Defaults for everything but the addresses. */
    public static LinkConfig of(StationId self, List<InetSocketAddress> listen, Map<StationId, List<InetSocketAddress>> dial) {
        return new LinkConfig(self, listen, dial, DEFAULT_HEARTBEAT, DEFAULT_MISSES, Duration.ofSeconds(10),
                Duration.ofMillis(200), Duration.ofSeconds(10));
    }

    public LinkConfig withHeartbeat(Duration interval, int misses) {
        return new LinkConfig(self, listen, dial, interval, misses, handshakeTimeout, reconnectMin, reconnectMax);
    }

    public LinkConfig withReconnect(Duration min, Duration max) {
        return new LinkConfig(self, listen, dial, heartbeatInterval, heartbeatMisses, handshakeTimeout, min, max);
    }

    /** The silence after which a path is closed and, on every path, the link is DOWN. */
    public Duration silenceLimit() {
        return heartbeatInterval.multipliedBy(heartbeatMisses);
    }
}
