package org.macm.station.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.encounter.feed.FeedFormat;
import org.macm.station.demo.ScenarioGenerator;

/** A paced replay needs each line's recorded time; every line the scenario writes has one. */
class FeedTimesTest {
    @TempDir
    Path tmp;

    @Test
    void everyScenarioLine_hasItsRecordedTime_andGarbageHasNone() throws Exception {
        new ScenarioGenerator(3).generate(tmp);
        List<String> ais = Files.readAllLines(tmp.resolve("ecs.aivdm"));
        List<String> sbs = Files.readAllLines(tmp.resolve("ecs.sbs"));
        assertThat(ais).allMatch(l -> FeedTimes.of(FeedFormat.AIS).apply(l).isPresent());
        assertThat(sbs).allMatch(l -> FeedTimes.of(FeedFormat.SBS).apply(l).isPresent());
        assertThat(FeedTimes.of(FeedFormat.AIS).apply(ais.get(0))).contains(ScenarioGenerator.START);
        assertThat(FeedTimes.of(FeedFormat.SBS).apply(sbs.get(sbs.size() - 1)))
                .contains(ScenarioGenerator.START.plus(ScenarioGenerator.LENGTH));
        assertThat(FeedTimes.of(FeedFormat.JSON).apply("{\"id\":\"x\",\"time\":\"2026-11-29T03:00:05Z\"}"))
                .contains(Instant.parse("2026-11-29T03:00:05Z"));
        assertThat(FeedTimes.of(FeedFormat.AIS).apply("!AIVDM,1,1,,A,garbage,0*00")).isEmpty();
        assertThat(FeedTimes.of(FeedFormat.SBS).apply("MSG,3,,,ABCDEF,,,,,,,100")).isEmpty();
        assertThat(FeedTimes.of(FeedFormat.JSON).apply("{\"time\":\"yesterday\"}")).isEmpty();
    }

    @Test
    void avr_pacesByTheReceivers12MHzClock_andAFrameWithoutOneGoesOutAtOnce() {
        // 0x00000B71B000 = 12,000,000 ticks: one second after the receiver's clock started.
        assertThat(FeedTimes.of(FeedFormat.AVR).apply("@000000B71B008D4840D6202CC371C32CE0576098;"))
                .contains(Instant.EPOCH.plusSeconds(1));
        assertThat(FeedTimes.of(FeedFormat.BEAST).apply("@000000000006" + "1234;")).contains(Instant.EPOCH.plusNanos(500));
        assertThat(FeedTimes.of(FeedFormat.AVR).apply("*8D4840D6202CC371C32CE0576098;")).isEmpty();
        assertThat(FeedTimes.of(FeedFormat.AVR).apply("@0000000000008D4840D6202CC371C32CE0576098;")).as("no clock").isEmpty();
        assertThat(FeedTimes.of(FeedFormat.AVR).apply("@00000000ZZ008D48;")).isEmpty();
    }
}
