package org.macm.encounter.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.macm.encounter.track.TrackEvent;

/** Each format pairs its own decoder and adapter; a report's own time wins over the caller's. */
class FeedFormatTest {
    private static final String POSITION = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A";
    private static final Instant ARRIVAL = Instant.parse("2026-11-29T03:00:00Z");

    @Test
    void fileName_choosesTheFormat_byItsEnding() {
        assertThat(FeedFormat.ofFileName("ecs.aivdm")).contains(FeedFormat.AIS);
        assertThat(FeedFormat.ofFileName("RECORD.NMEA")).contains(FeedFormat.AIS);
        assertThat(FeedFormat.ofFileName("adsb.sbs")).contains(FeedFormat.SBS);
        assertThat(FeedFormat.ofFileName("radar.jsonl")).contains(FeedFormat.JSON);
        assertThat(FeedFormat.ofFileName("notes.txt")).isEmpty();
    }

    @Test
    void aisReport_withoutTagBlock_isTakenAtTheCallersTime_andWithOne_atItsOwn() {
        FeedReader feed = FeedFormat.AIS.reader();
        assertThat(feed.read(POSITION, ARRIVAL)).map(TrackEvent::time).contains(ARRIVAL);
        assertThat(feed.lastStamp()).isEqualTo(Instant.EPOCH);
        Instant stamped = Instant.ofEpochSecond(1_764_385_200L);
        assertThat(feed.read(tagged(stamped) + POSITION, ARRIVAL)).map(TrackEvent::time).contains(stamped);
        assertThat(feed.lastStamp()).isEqualTo(stamped);
    }

    @Test
    void badLine_givesNothing_andIsCounted() {
        FeedReader feed = FeedFormat.SBS.reader();
        assertThat(feed.read("MSG,not a message", ARRIVAL)).isEmpty();
        assertThat(feed.stats().snapshot().rejectedTotal()).isEqualTo(1);
    }

    @Test
    void jsonTrack_keepsItsOwnTime() {
        FeedReader feed = FeedFormat.JSON.reader();
        String line = "{\"id\":\"431999001\",\"kind\":\"vessel\",\"time\":\"2026-11-29T03:30:00Z\",\"lat\":29.75,"
                + "\"lon\":125.4,\"course\":90,\"speed\":10}";
        assertThat(feed.read(line, ARRIVAL)).map(TrackEvent::time).contains(Instant.parse("2026-11-29T03:30:00Z"));
    }

    private static String tagged(Instant t) {
        String body = "c:" + t.getEpochSecond();
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum ^= body.charAt(i);
        }
        return "\\" + body + String.format(Locale.ROOT, "*%02X", sum) + "\\";
    }
}
