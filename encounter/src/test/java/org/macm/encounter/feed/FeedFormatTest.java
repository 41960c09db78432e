package org.macm.encounter.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.decode.RejectReason;
import org.macm.encounter.json.UnitKind;
import org.macm.encounter.track.TrackEvent;
import org.macm.encounter.track.TrackUpdate;

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
        assertThat(FeedFormat.ofFileName("readsb-30002.avr")).contains(FeedFormat.AVR);
        assertThat(FeedFormat.ofFileName("readsb-30005.BEAST")).contains(FeedFormat.BEAST);
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

    @Test
    void modeS_positionPair_becomesAnAircraftFix_atTheCallersTime() {
        // "The 1090 Megahertz Riddle" (Junzi Sun): odd then even half of 40621D, 52.2572° N 3.9194° E.
        FeedReader feed = FeedFormat.BEAST.reader();
        assertThat(feed.read("*8D40621D58C386435CC412692AD6;", ARRIVAL)).isEmpty();
        TrackEvent fix = feed.read("@0000000000018D40621D58C382D690C8AC2863A7;", ARRIVAL.plusSeconds(1)).orElseThrow();
        assertThat(fix).isInstanceOfSatisfying(TrackUpdate.class, u -> {
            assertThat(u.kind()).isEqualTo(UnitKind.AIRCRAFT);
            assertThat(u.position().latitude()).isCloseTo(52.2572, within(0.0001));
            assertThat(u.position().longitude()).isCloseTo(3.9194, within(0.0001));
        });
        assertThat(fix.time()).as("a receiver's clock has no date").isEqualTo(ARRIVAL.plusSeconds(1));
        assertThat(feed.lastStamp()).isEqualTo(Instant.EPOCH);
        assertThat(feed.read("*8D40621D58C382D690C8AC2863A6;", ARRIVAL)).isEmpty();
        assertThat(feed.stats().snapshot().rejected(RejectReason.BAD_CRC)).isEqualTo(1);
    }

    @Test
    void modeS_surfacePair_isPlacedOnlyWithTheReceiversPosition_whenTheAircraftWasNotSeenAirborne() {
        // "The 1090 Megahertz Riddle", chapter 6: a surface pair of 484175 near a receiver at 51.990 N 4.375 E.
        String even = "*8C4841753AAB238733C8CD4020B1;";
        String odd = "*8C4841753A8A35323FAEBDAC702D;";
        FeedReader blind = FeedFormat.AVR.reader();
        blind.read(even, ARRIVAL);
        assertThat(blind.read(odd, ARRIVAL.plusSeconds(1))).as("no reference to choose among the four places").isEmpty();
        FeedReader placed = FeedFormat.AVR.reader(Optional.of(new GeoPoint(51.990, 4.375)));
        placed.read(even, ARRIVAL);
        TrackEvent fix = placed.read(odd, ARRIVAL.plusSeconds(1)).orElseThrow();
        assertThat(fix).isInstanceOfSatisfying(TrackUpdate.class, u -> {
            assertThat(u.position().latitude()).isCloseTo(52.32061, within(1e-5));
            assertThat(u.position().longitude()).isCloseTo(4.73473, within(1e-5));
        });
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
