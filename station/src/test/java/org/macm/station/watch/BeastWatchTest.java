package org.macm.station.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.feed.FakeReadsb.concat;
import static org.macm.station.feed.ModeSExamples.EVEN;
import static org.macm.station.feed.ModeSExamples.EVEN_DAMAGED;
import static org.macm.station.feed.ModeSExamples.ODD;
import static org.macm.station.feed.ModeSExamples.UNITS_TOML;
import static org.macm.testkit.Await.awaitValue;
import static org.macm.testkit.BeastRecords.frame;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.encounter.decode.RejectReason;
import org.macm.encounter.feed.FeedFormat;
import org.macm.encounter.track.TrackState;
import org.macm.encounter.unit.Identifier;
import org.macm.station.config.WatchConfig;
import org.macm.station.feed.FakeReadsb;
import org.macm.template.Catalog;

/**
 * A station's watch fed by a receiver's Beast port, end to end on a real loopback socket: an
 * aircraft's even and odd positions, sent over two connections with noise between, become
 * one track at the place "The 1090 Megahertz Riddle" (Junzi Sun) computes for them; what was
 * not a frame and what did not decode are in the feed's counters.
 */
class BeastWatchTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(60)
    void beastTcpClient_readsbRestartsBetweenThePositionHalves_theAircraftIsPlacedAndTheNoiseCounted() throws Exception {
        Path units = tmp.resolve("units.toml");
        Files.writeString(units, UNITS_TOML);
        try (FakeReadsb readsb = new FakeReadsb()) {
            WatchConfig config = new WatchConfig(units, Optional.empty(), "JP", "CN",
                    List.of(new WatchConfig.Source.TcpClient(FeedFormat.BEAST,
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), readsb.port()))),
                    WatchConfig.Thresholds.DEFAULTS, Optional.empty());
            try (WatchService watch = new WatchService(config, Catalog.builtIn(), Clock.systemUTC()).start()) {
                readsb.serveAndDrop(concat("noise".getBytes(StandardCharsets.US_ASCII), frame(ODD, 1, 10), frame(EVEN_DAMAGED, 2, 10)));
                readsb.serveAndDrop(frame(EVEN, 3, 10));
                List<TrackState> tracks = awaitValue("the aircraft's track", Duration.ofSeconds(30),
                        () -> watch.picture().tracks(), t -> !t.isEmpty());
                TrackState t = tracks.get(0);
                assertThat(t.unit().identifiers()).contains(new Identifier.Icao24(0x40621D));
                assertThat(t.unit().name()).isEqualTo("Y-8Q 9301");
                // The even half came last: 52.2572° N 3.9194° E.
                assertThat(t.position().latitude()).isCloseTo(52.2572, Offset.offset(0.0001));
                assertThat(t.position().longitude()).isCloseTo(3.9194, Offset.offset(0.0001));
                WatchService.FeedStats feed = watch.feeds().get(0);
                assertThat(feed.source()).startsWith("tcp-client ").endsWith(":" + readsb.port());
                assertThat(feed.lines()).isEqualTo(3);
                assertThat(feed.decoding().decoded()).isEqualTo(2);
                assertThat(feed.decoding().rejected(RejectReason.BAD_CRC)).isEqualTo(1);
                assertThat(feed.dropped().skippedBytes()).isEqualTo(5);
            }
        }
    }
}
