package org.macm.station.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Precedence;
import org.macm.core.log.StationId;

/** The one writer of station.toml: what init writes, and that ConfigFile reads back what was written. */
class StationConfigWriterTest {
    private static final StationId JP = StationId.of("jp-mod");
    private static final StationId CN = StationId.of("cn-mnd");

    @TempDir
    Path tmp;

    private static InetSocketAddress loopback(int port) {
        return ConfigSpec.loopback(port);
    }

    private static InetSocketAddress ipv6Loopback(int port) throws Exception {
        byte[] one = new byte[16];
        one[15] = 1;
        return new InetSocketAddress(InetAddress.getByAddress(one), port);
    }

    @Test
    void initialSpec_isTheDocumentedFileThatInitWrites_everyKeyExplained() {
        assertThat(StationConfigWriter.render(ConfigSpec.initial(JP))).isEqualTo(INITIAL);
    }

    @Test
    void writtenSpec_readsBackAsTheSameSettings() throws Exception {
        Path file = tmp.resolve("station.toml");
        ConfigSpec spec = ConfigSpec.initial(CN).withStore(tmp.resolve("disk/macm.db"))
                .withListen(List.of(loopback(7701), loopback(7702)))
                .withPeer(JP, List.of(loopback(9001), ipv6Loopback(9002)))
                .withHeartbeat(Duration.ofMillis(200), 4).withApi(Optional.of(loopback(0)))
                .withAckDeadline(Precedence.FLASH, Duration.ofSeconds(3)).withLinkTests(Duration.ofMinutes(10), true);
        StationConfigWriter.write(spec, file);
        StationConfig read = new ConfigFile().read(file);
        assertThat(read.station()).isEqualTo(CN);
        assertThat(read.storeFile()).isEqualTo(tmp.resolve("disk/macm.db"));
        assertThat(read.listen()).isEqualTo(spec.listen());
        assertThat(read.dial()).isEqualTo(Map.of(JP, List.of(loopback(9001), ipv6Loopback(9002))));
        assertThat(read.heartbeatInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(read.heartbeatMisses()).isEqualTo(4);
        assertThat(read.api()).isEqualTo(loopback(0));
        assertThat(read.ackDeadline(Precedence.FLASH)).isEqualTo(Duration.ofSeconds(3));
        assertThat(read.ackDeadline(Precedence.ROUTINE)).isEqualTo(Precedence.ROUTINE.defaultAckDeadline());
        assertThat(read.testInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(read.testHumanAck()).isTrue();
    }

    @Test
    void noApi_writesNoApiSection_soTheDefaultLoopbackAddressApplies() throws Exception {
        Path file = tmp.resolve("station.toml");
        StationConfigWriter.write(ConfigSpec.initial(JP).withApi(Optional.empty()), file);
        assertThat(Files.readString(file)).doesNotContain("[api]");
        assertThat(new ConfigFile().read(file).api().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void create_refusesToReplaceAConfigThatExists() {
        Path file = tmp.resolve("station.toml");
        StationConfigWriter.create(ConfigSpec.initial(JP), file);
        assertThatThrownBy(() -> StationConfigWriter.create(ConfigSpec.initial(CN), file))
                .isInstanceOf(ConfigException.class)
                .hasMessage("cannot write config file " + file + ": it exists already");
    }

    @Test
    void durations_areWrittenInTheShortestExactUnit() {
        assertThat(StationConfigWriter.duration(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(StationConfigWriter.duration(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(StationConfigWriter.duration(Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(StationConfigWriter.duration(Duration.ofHours(6))).isEqualTo("6h");
        assertThat(StationConfigWriter.duration(Duration.ZERO)).isEqualTo("0s");
    }

    private static final String INITIAL = """
                # MACM station configuration. Keys are documented in docs/CONFIG.md.
                # Paths are relative to this file's folder.

                # This station's name, as its peers know it (required).
                station = "jp-mod"

                # The SQLite store holding every log of this station.
                store = "store/macm.db"

                # Private keys (mode 0600) and the TLS certificate made by 'macm init'.
                signing-key = "keys/signing.key"
                tls-key = "keys/tls.key"
                tls-certificate = "keys/tls.crt"

                [link]
                # Addresses peers connect to. Use a routable address to accept a real peer.
                listen = ["127.0.0.1:7701"]
                heartbeat-interval = "2s"
                heartbeat-misses = 3

                # One [[peers]] table per pinned peer this station dials; each endpoint is a path.
                # [[peers]]
                # station = "cn-mnd"
                # endpoints = ["192.0.2.10:7701", "198.51.100.10:7701"]

                [api]
                # The local API that the CLI and the console use. Loopback only unless you mean it.
                listen = "127.0.0.1:7801"

                [deadlines]
                # How long a duty officer has to acknowledge a message, by precedence.
                flash = "5m"
                immediate = "30m"
                priority = "3h"
                routine = "6h"

                [link-tests]
                interval = "1h"
                human-ack = false
                """;
}
