package org.macm.station.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.macm.core.log.Precedence;
import org.macm.core.log.StationId;
import org.macm.station.logging.LogFile;

/**
 * A station's validated configuration, read from {@code station.toml}. Paths are resolved
 * against the station folder. Keys and defaults are listed in docs/CONFIG.md.
 *
 * @param station            this station's name (required)
 * @param store              the store: the SQLite file (default {@code store/macm.db}) or a PostgreSQL database
 * @param signingKeyFile     Ed25519 private key (default {@code keys/signing.key})
 * @param tlsKeyFile         TLS private key (default {@code keys/tls.key})
 * @param tlsCertificateFile TLS certificate (default {@code keys/tls.crt})
 * @param listen             addresses the link accepts peers on (default none: dial only)
 * @param dial               per peer, the endpoints this station dials, one path each
 * @param heartbeatInterval  heartbeat interval on every path (default 2 s)
 * @param heartbeatMisses    intervals of silence before a path is closed (default 3)
 * @param reconnectMin       first wait before redialling a path (default 200 ms)
 * @param reconnectMax       longest wait between redials (default 10 s)
 * @param api                the local HTTP API address (default 127.0.0.1, port 0 = any free port)
 * @param ackDeadlines       per precedence, the human acknowledgement deadline
 * @param testInterval       how often a scheduled link test goes out (default 1 h)
 * @param testHumanAck       whether the peer's duty officer must acknowledge link tests
 * @param watch              the encounter watch inside the station, if configured
 * @param console            the duty-officer console: address, TLS, language, time zone, idle timeout
 * @param metrics            where /metrics, /healthz and /readyz listen ({@code [metrics] listen}); empty: off
 * @param log                {@code [log]}: the file {@code macm run} logs to, if any
 */
public record StationConfig(StationId station, StoreConfig store, Path signingKeyFile, Path tlsKeyFile,
        Path tlsCertificateFile, List<InetSocketAddress> listen, Map<StationId, List<InetSocketAddress>> dial,
        Duration heartbeatInterval, int heartbeatMisses, Duration reconnectMin, Duration reconnectMax, InetSocketAddress api, Map<Precedence, Duration> ackDeadlines,
        Duration testInterval, boolean testHumanAck, Optional<WatchConfig> watch,
        ConsoleConfig console, Optional<InetSocketAddress> metrics, Optional<LogFile> log) {
    public StationConfig {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(signingKeyFile, "signingKeyFile");
        Objects.requireNonNull(tlsKeyFile, "tlsKeyFile");
        Objects.requireNonNull(tlsCertificateFile, "tlsCertificateFile");
        listen = List.copyOf(listen);
        dial = Map.copyOf(dial);
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        Objects.requireNonNull(api, "api");
        ackDeadlines = Map.copyOf(ackDeadlines);
        Objects.requireNonNull(testInterval, "testInterval");
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(log, "log");
    }

    public Duration ackDeadline(Precedence p) {
        return ackDeadlines.getOrDefault(p, p.defaultAckDeadline());
    }
}
