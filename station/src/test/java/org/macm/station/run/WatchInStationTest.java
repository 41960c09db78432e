package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;
import static org.macm.testkit.Await.awaitValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.link.LinkState;
import org.macm.station.cli.CliRun;
import org.macm.station.demo.ScenarioGenerator;
import org.macm.station.StationPair;

/** The watch inside a running station: a feed raises an alert, and its draft goes to the peer with one command. */
class WatchInStationTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void alertFromAFeed_isSentAsANoticeWithOneCommand_andThePeerReadsItInChinese() throws Exception {
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(200), 3);
        Path scenario = tmp.resolve("scenario");
        new ScenarioGenerator(1).generate(scenario);
        Files.writeString(scenario.resolve("junk.aivdm"), "!AIVDM,1,1,,A,garbage,0*00\nnot nmea\n");
        s.write(s.listening(CN, loopback(0)));
        try (StationRuntime cn = StationRuntime.start(s.cn(), Clock.systemUTC())) {
            s.write(s.dialling(JP, loopback(cn.linkPorts().get(0))));
            Files.writeString(s.jp().config(), Files.readString(s.jp().config()) + """
                    [watch]
                    units = "%s"
                    zones = "%s"
                    side = "JP"
                    other-side = "CN"
                    [[watch.sources]]
                    kind = "replay"
                    format = "ais"
                    file = "%s"
                    speed = 0
                    [[watch.sources]]
                    kind = "replay"
                    format = "ais"
                    file = "%s"
                    speed = 0
                    """.formatted(scenario.resolve("units.toml"), scenario.resolve("zones.geojson"),
                    scenario.resolve("ecs.aivdm"), scenario.resolve("junk.aivdm")));
            try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC())) {
                awaitValue("link up", Duration.ofSeconds(20), () -> jp.links().status(CN).orElseThrow().state(), LinkState.UP::equals);
                await("the surface encounter alert", Duration.ofSeconds(30), () -> jp.watch().orElseThrow().alerts().stream()
                        .anyMatch(a -> a.draft().isPresent() && a.id().startsWith("enc:mmsi:431999104")));
                String id = jp.watch().orElseThrow().alerts().stream()
                        .filter(a -> a.draft().isPresent()).findFirst().orElseThrow().id();

                CliRun alerts = CliRun.run("alerts", "--dir", s.jp().dir().toString());
                assertThat(alerts.out()).contains("surface encounter: JP JS KIRISAME and CN PLAN NANCHANG").contains("[draft]")
                        .contains("rejected {\"").contains("BAD_CHECKSUM");

                CliRun json = CliRun.run("alerts", "--dir", s.jp().dir().toString(), "--json");
                JsonNode surface = StreamSupport.stream(new ObjectMapper().readTree(json.out()).path("alerts").spliterator(), false)
                        .filter(a -> a.path("id").asText().equals(id)).findFirst().orElseThrow();
                assertThat(surface.path("kind").asText()).isEqualTo("surface");
                assertThat(surface.path("unitA").path("name").asText()).isEqualTo("JS KIRISAME");
                assertThat(surface.path("unitA").path("position").has("lat")).isTrue();
                JsonNode cpa = surface.path("cpa");
                assertThat(Instant.parse(cpa.path("time").asText())).as("the CPA's time: the alert's plus TCPA")
                        .isCloseTo(Instant.parse(surface.path("time").asText())
                                .plusSeconds(Math.round(Math.max(0, cpa.path("tcpaMinutes").asDouble()) * 60)), within(1, ChronoUnit.SECONDS));
                double dLat = (cpa.path("positionA").path("lat").asDouble() - cpa.path("positionB").path("lat").asDouble()) * 60;
                double dLon = (cpa.path("positionA").path("lon").asDouble() - cpa.path("positionB").path("lon").asDouble()) * 60
                        * Math.cos(Math.toRadians(cpa.path("positionA").path("lat").asDouble()));
                assertThat(Math.hypot(dLat, dLon)).as("the two CPA positions are the CPA distance apart")
                        .isCloseTo(cpa.path("distanceNm").asDouble(), org.assertj.core.api.Assertions.offset(0.05));

                CliRun sent = CliRun.run("send", "--dir", s.jp().dir().toString(), "--to", "cn-mnd", "--draft", id,
                        "--wait-receipt", "--timeout", "20");
                assertThat(sent.exitCode()).as(sent.err()).isZero();
                String msg = sent.out().lines().findFirst().orElseThrow();
                CliRun shown = CliRun.run("show", "--dir", s.cn().dir().toString(), msg, "--lang", "zh-Hans");
                assertThat(shown.out()).contains("IMMEDIATE").contains("海上意外相遇通报")
                        .contains("我方兵力：日方护卫舰“JS KIRISAME”号").contains("贵方兵力：中方驱逐舰“PLAN NANCHANG”号");

                CliRun unknown = CliRun.run("send", "--dir", s.jp().dir().toString(), "--to", "cn-mnd", "--draft", "enc:nope");
                assertThat(unknown.exitCode()).isEqualTo(1);
                assertThat(unknown.errorLine()).contains("no alert 'enc:nope'");
                CliRun status = CliRun.run("status", "--dir", s.jp().dir().toString());
                assertThat(status.out()).contains("feed replay").contains("BAD_CHECKSUM");
            }
        }
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void tighterSurfaceThreshold_inTheConfig_raisesNoAlertForAOneMilePass() throws Exception {
        StationPair s = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(200), 3);
        Path scenario = tmp.resolve("scenario");
        new ScenarioGenerator(1).generate(scenario);
        s.write(s.listening(JP, loopback(0)));
        Files.writeString(s.jp().config(), Files.readString(s.jp().config()) + """
                [watch]
                units = "%s"
                side = "JP"
                other-side = "CN"
                surface-cpa-nm = 0.5
                surface-within = "20m"
                [[watch.sources]]
                kind = "replay"
                format = "ais"
                file = "%s"
                speed = 0
                """.formatted(scenario.resolve("units.toml"), scenario.resolve("ecs.aivdm")));
        try (StationRuntime jp = StationRuntime.start(s.jp(), Clock.systemUTC())) {
            await("the whole feed read", Duration.ofSeconds(30),
                    () -> jp.watch().orElseThrow().feeds().get(0).lines() > 2000);
            Thread.sleep(1500);
            assertThat(jp.watch().orElseThrow().alerts()).as("a 1 nm pass is outside a 0.5 nm threshold").isEmpty();
        }
    }
}
