package org.macm.station.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
    void initialSpec_isTheDocumentedFileThatInitWrites_everyKeyExplained() throws Exception {
        try (InputStream golden = StationConfigWriterTest.class.getResourceAsStream("initial-station.toml")) {
            assertThat(StationConfigWriter.render(ConfigSpec.initial(JP)))
                    .isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
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
        assertThat(read.store()).isEqualTo(new StoreConfig.Sqlite(tmp.resolve("disk/macm.db")));
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
}
