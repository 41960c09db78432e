package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.station.feed.FakeReadsb.concat;
import static org.macm.station.feed.ModeSExamples.EVEN;
import static org.macm.station.feed.ModeSExamples.EVEN_DAMAGED;
import static org.macm.station.feed.ModeSExamples.ODD;
import static org.macm.station.feed.ModeSExamples.SURFACE_EVEN;
import static org.macm.station.feed.ModeSExamples.SURFACE_ODD;
import static org.macm.station.feed.ModeSExamples.UNITS_TOML;
import static org.macm.testkit.Await.await;
import static org.macm.testkit.Await.awaitValue;
import static org.macm.testkit.BeastRecords.frame;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.encounter.track.TrackState;
import org.macm.station.StationPair;
import org.macm.station.cli.CliRun;
import org.macm.station.feed.FakeReadsb;

/**
 * A station configured as an operator would, with {@code format = "beast"} from a receiver's
 * port: the aircraft shows in the watch, and {@code macm alerts} shows the feed's counters,
 * noise and damaged frames included.
 */
class BeastInStationTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void beastSourceInTheConfig_placesTheAircraft_andMacmAlertsCountsNoiseAndBadCrc() throws Exception {
        StationPair s = StationPair.create(tmp);
        s.write(s.listening(JP, loopback(0)));
        Path units = tmp.resolve("units.toml");
        Files.writeString(units, UNITS_TOML);
        try (FakeReadsb readsb = new FakeReadsb()) {
            Files.writeString(s.jp().config(), Files.readString(s.jp().config()) + """
                    [watch]
                    units = "%s"
                    side = "JP"
                    other-side = "CN"
                    [[watch.sources]]
                    kind = "tcp-client"
                    format = "beast"
                    address = "127.0.0.1:%d"
                    """.formatted(units, readsb.port()));
            try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC())) {
                readsb.serveAndDrop(concat("noise".getBytes(StandardCharsets.US_ASCII), frame(ODD, 1, 9),
                        frame(EVEN_DAMAGED, 2, 9), frame(EVEN, 3, 9)));
                await("the aircraft's track", Duration.ofSeconds(30), () -> !jp.watch().orElseThrow().picture().tracks().isEmpty());
                CliRun alerts = CliRun.run("alerts", "--dir", s.jp().dir().toString());
                assertThat(alerts.exitCode()).as(alerts.err()).isZero();
                assertThat(alerts.out()).contains("feed tcp-client 127.0.0.1:" + readsb.port() + ": 3 lines, 2 decoded, rejected "
                        + "{\"BAD_CRC\":1,\"BEAST_SKIPPED_BYTES\":5}");
            }
        }
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void receiverPositionInTheConfig_placesAnAircraftOnTheGround_neverSeenAirborne() throws Exception {
        StationPair s = StationPair.create(tmp);
        s.write(s.listening(JP, loopback(0)));
        Path units = tmp.resolve("units.toml");
        Files.writeString(units, UNITS_TOML + """
                [[unit]]
                side = "JP"
                name = "E-2D 451"
                kind = "aircraft"
                icao24 = "484175"
                """);
        try (FakeReadsb readsb = new FakeReadsb()) {
            Files.writeString(s.jp().config(), Files.readString(s.jp().config()) + """
                    [watch]
                    units = "%s"
                    side = "JP"
                    other-side = "CN"
                    receiver = "51.990, 4.375"
                    [[watch.sources]]
                    kind = "tcp-client"
                    format = "beast"
                    address = "127.0.0.1:%d"
                    """.formatted(units, readsb.port()));
            try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC())) {
                readsb.serveAndDrop(concat(frame(SURFACE_EVEN, 1, 9), frame(SURFACE_ODD, 2, 9)));
                TrackState t = awaitValue("the aircraft on the ground", Duration.ofSeconds(30),
                        () -> jp.watch().orElseThrow().picture().tracks(), l -> !l.isEmpty()).get(0);
                assertThat(t.position().latitude()).isCloseTo(52.32061, within(1e-5));
                assertThat(t.position().longitude()).isCloseTo(4.73473, within(1e-5));
            }
        }
    }
}
