package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.macm.core.log.Body;
import org.macm.core.log.LinkParameters;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.link.LinkState;
import org.macm.station.Station;
import org.macm.station.StationPair;
import org.macm.station.cli.CliRun;
import org.macm.station.config.ConfigSpec;
import org.macm.testkit.TestClock;

/**
 * docs/PROTOCOL.md §14 between two real stations: a deadline runs from the receiving station's
 * time of receipt, whatever the author's clock says, for as long as the author announced in
 * its own log; an entry far from its time of receipt is flagged; announcements are never
 * messages and never acknowledged; a restart with the same deadlines announces nothing again.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DeadlinesFromReceiptTest {
    @TempDir
    Path tmp;

    private final List<StationRuntime> running = new ArrayList<>();
    private StationPair pair;
    private int cnPort;

    @AfterEach
    void stop() {
        running.forEach(StationRuntime::close);
    }

    /** cn-mnd listening, jp-mod dialling it, each on its own clock; jp-mod with {@code jpSpec}'s settings. */
    private StationRuntime[] start(TestClock jpClock, TestClock cnClock, Precedence p, Duration jpDeadline)
            throws InterruptedException {
        pair = StationPair.create(tmp).withHeartbeat(Duration.ofMillis(300), 4);
        pair.write(pair.listening(CN, loopback(0)));
        StationRuntime cn = started(StationRuntime.start(pair.cn(), cnClock, "test"));
        cnPort = cn.linkPorts().get(0);
        ConfigSpec jpSpec = pair.dialling(JP, loopback(cnPort));
        pair.write(p == null ? jpSpec : jpSpec.withAckDeadline(p, jpDeadline));
        StationRuntime jp = started(StationRuntime.start(pair.jp(), jpClock, "test"));
        await("the link up", Duration.ofSeconds(20), () -> jp.links().status(CN).orElseThrow().state() == LinkState.UP);
        return new StationRuntime[] {jp, cn};
    }

    private StationRuntime started(StationRuntime r) {
        running.add(r);
        return r;
    }

    private static SignedEntry flash(StationRuntime from, String text) {
        return from.station().write(from.station().id().equals(JP) ? CN : JP,
                new Body.Message(Precedence.FLASH, new MessageContent.FreeText("en", text)));
    }

    private static JsonNode status(StationRuntime r) {
        try {
            return new ApiCalls(r.station().layout()).get("/api/v1/status").json();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean escalated(StationRuntime r, String id) {
        for (JsonNode e : status(r).path("escalations")) {
            if (e.path("id").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** Waits out two scheduler ticks, so that an escalation that were due would have been made. */
    private static void twoTicks() throws InterruptedException {
        Thread.sleep(4_500);
    }

    private static String statusText(StationRuntime r) {
        CliRun run = CliRun.run("status", "--dir", r.station().layout().dir().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    @ParameterizedTest(name = "jp-mod''s clock reads {0}")
    @ValueSource(strings = {"2099-06-01T00:00:00Z", "2001-06-01T00:00:00Z"})
    void aFlashFromAPeerWithAWrongClock_escalatesFiveMinutesAfterItsReceipt_byTheReceiversClock_andIsFlagged(
            String jpTime) throws Exception {
        TestClock jpClock = TestClock.running();
        jpClock.advance(Duration.between(Instant.now(), Instant.parse(jpTime)));
        TestClock cnClock = TestClock.running();
        StationRuntime[] both = start(jpClock, cnClock, null, null);
        StationRuntime jp = both[0];
        StationRuntime cn = both[1];

        // Deadlines are kept to the millisecond, so the lower bound is too.
        Instant before = cnClock.instant().truncatedTo(ChronoUnit.MILLIS);
        SignedEntry flash = flash(jp, "Vessel closing, answer now.");
        String id = JP + "/" + flash.seq();
        await("cn-mnd's receipt of " + id, Duration.ofSeconds(20),
                () -> cn.station().store().head(cn.station().ownLog(JP)).seq() > 0
                        && cn.station().store().read(cn.station().ownLog(JP), 1, 1000).stream()
                                .anyMatch(e -> e.entry().peerHead().seq() >= flash.seq()));
        Instant after = cnClock.instant();

        JsonNode message = new ApiCalls(cn.station().layout()).get("/api/v1/messages/" + id).json();
        Instant deadline = Instant.parse(message.path("deadline").asText());
        assertThat(deadline).as("receipt by cn-mnd's clock + FLASH 5 min, not the entry's time %s + 5 min",
                flash.entry().time()).isBetween(before.plus(Duration.ofMinutes(5)), after.plus(Duration.ofMinutes(5)));

        twoTicks();
        assertThat(escalated(cn, id)).as("not escalated at once").isFalse();
        cnClock.advance(Duration.ofMinutes(4).plusSeconds(30));
        twoTicks();
        assertThat(escalated(cn, id)).as("not escalated 4 min 30 s after its receipt").isFalse();
        cnClock.advance(Duration.ofSeconds(40));
        await("escalated 5 min after its receipt, not never", Duration.ofSeconds(15), () -> escalated(cn, id));

        // The entries flagged are those written after they were received: jp-mod's when its clock
        // is ahead, cn-mnd's (as jp-mod received them) when it is behind. Both stations see both.
        boolean ahead = jpTime.startsWith("2099");
        String flagged = ahead ? "jp-mod/" : "cn-mnd/";
        for (StationRuntime r : both) {
            await("the clock flag at " + r.station().id(), Duration.ofSeconds(10), () -> {
                JsonNode clock = status(r).path("links").get(0).path("deadlines").path("clock");
                boolean atJp = r == jp;
                JsonNode side = clock.path(ahead == atJp ? "ourEntries" : "theirEntries");
                return clock.path("apart").asBoolean() && side.path("lastFlagged").path("id").asText().startsWith(flagged);
            });
            assertThat(statusText(r)).contains("CLOCK: " + flagged).contains("one of the two clocks is wrong");
        }
    }

    @Test
    void anAnnouncedFlashDeadline_holdsJpsFlash_atBothStations_andTheAnnouncementIsNoMessage() throws Exception {
        TestClock jpClock = TestClock.running();
        TestClock cnClock = TestClock.running();
        StationRuntime[] both = start(jpClock, cnClock, Precedence.FLASH, Duration.ofMinutes(2));
        StationRuntime jp = both[0];
        StationRuntime cn = both[1];
        Station jps = jp.station();
        SignedEntry announcement = jps.store().get(jps.ownLog(CN), 1).orElseThrow();
        assertThat(LinkParameters.of(announcement.entry())).as("jp-mod's first entry announces its deadlines")
                .hasValueSatisfying(p -> assertThat(p.deadline(Precedence.FLASH)).isEqualTo(Duration.ofMinutes(2)));
        String announced = "jp-mod/1";

        SignedEntry flash = flash(jp, "Answer within two minutes.");
        String id = JP + "/" + flash.seq();
        await("cn-mnd to hold " + id, Duration.ofSeconds(20),
                () -> cn.station().store().head(cn.station().peerLog(JP)).seq() >= flash.seq());

        // Never a message: not in the inbox, the sent list or the message route; never acknowledged.
        ApiCalls cnApi = new ApiCalls(cn.station().layout());
        assertThat(cnApi.get("/api/v1/inbox").body()).contains(id).doesNotContain("\"" + announced + "\"");
        assertThat(new ApiCalls(jps.layout()).get("/api/v1/sent").body())
                .doesNotContain("\"" + announced + "\"");
        ApiCalls.Answer shown = cnApi.get("/api/v1/messages/" + announced);
        assertThat(shown.status()).isEqualTo(404);
        assertThat(shown.error()).isEqualTo("jp-mod/1 announces jp-mod's link parameters (its deadlines), not a message;"
                + " macm status shows them");
        ApiCalls.Answer ack = cnApi.post("/api/v1/acknowledgements",
                "{\"id\":\"" + announced + "\",\"officer\":\"Lt Wang\"}");
        assertThat(ack.status()).isBetween(400, 499);
        assertThat(ack.error()).isEqualTo("jp-mod/1 announces jp-mod's link parameters (its deadlines), not a message;"
                + " it is not acknowledged");
        CliRun cliAck = CliRun.run("ack", "--dir", cn.station().layout().dir().toString(), announced, "--officer", "Lt Wang");
        assertThat(cliAck.exitCode()).isNotZero();
        assertThat(cliAck.err()).contains("announces jp-mod's link parameters");

        // Both sides show both sides' deadlines, and that they differ.
        for (StationRuntime r : both) {
            assertThat(statusText(r)).as("status at %s", r.station().id())
                    .contains("jp-mod expects: FLASH 2 min, IMMEDIATE 30 min, PRIORITY 3 h, ROUTINE 6 h\n")
                    .contains("cn-mnd expects: FLASH 5 min, IMMEDIATE 30 min, PRIORITY 3 h, ROUTINE 6 h (protocol defaults)")
                    .contains("WARNING: the two stations expect different deadlines; each message is held to its author's")
                    .doesNotContain("CLOCK:");
        }

        // Both stations hold jp-mod's FLASH to jp-mod's 2 minutes.
        jpClock.advance(Duration.ofSeconds(100));
        cnClock.advance(Duration.ofSeconds(100));
        twoTicks();
        assertThat(escalated(jp, id)).as("jp-mod at 1 min 40 s").isFalse();
        assertThat(escalated(cn, id)).as("cn-mnd at 1 min 40 s").isFalse();
        jpClock.advance(Duration.ofSeconds(30));
        cnClock.advance(Duration.ofSeconds(30));
        await("both stations escalate at 2 min", Duration.ofSeconds(15), () -> escalated(jp, id) && escalated(cn, id));
        assertThat(escalated(cn, announced)).as("an announcement never escalates").isFalse();

        // A restart with the same [deadlines] announces nothing again; a change is announced once.
        running.remove(jp);
        jp.close();
        StationRuntime again = started(StationRuntime.start(pair.jp(), jpClock, "test"));
        assertThat(announcements(again.station())).as("after a restart with the same deadlines").isEqualTo(1);
        running.remove(again);
        again.close();
        pair.write(pair.dialling(JP, loopback(cnPort)).withAckDeadline(Precedence.FLASH, Duration.ofMinutes(3)));
        StationRuntime changed = started(StationRuntime.start(pair.jp(), jpClock, "test"));
        assertThat(announcements(changed.station())).as("after a restart with FLASH 3 min").isEqualTo(2);
        await("cn-mnd to hear the new deadlines", Duration.ofSeconds(20),
                () -> statusText(cn).contains("jp-mod expects: FLASH 3 min, IMMEDIATE 30 min"));
    }

    private static long announcements(Station s) {
        return s.store().read(s.ownLog(CN), 1, 10_000).stream().filter(e -> LinkParameters.isAnnouncement(e.entry()))
                .count();
    }
}
