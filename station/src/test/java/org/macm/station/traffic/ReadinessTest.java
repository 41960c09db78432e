package org.macm.station.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Body;
import org.macm.core.log.LogId;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.Station;
import org.macm.station.StationPair;
import org.macm.station.run.ReceiptWriter;
import org.macm.station.traffic.Readiness.Flow;
import org.macm.station.traffic.Readiness.OfficerRow;
import org.macm.station.traffic.Readiness.Period;
import org.macm.station.traffic.Readiness.PrecedenceRow;
import org.macm.station.traffic.Readiness.Report;
import org.macm.station.traffic.Readiness.Tests;
import org.macm.testkit.TestClock;

/**
 * Readiness is computed from the two signed logs alone, from entry times: every figure below
 * follows from when each entry was written (a clock the test moves), and the peer, holding
 * the same entries, gets the same figures with the directions swapped.
 */
class ReadinessTest {
    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");
    private static final Period DAY = new Period(T0, T0.plus(Duration.ofDays(1)));

    @TempDir
    Path tmp;

    /** Stands still until the test moves it: entry times are what the test says. */
    private final TestClock clock = TestClock.standingAt(T0.minus(Duration.ofHours(2)));
    private StationPair.Opened pair;
    private Station jp;
    private Station cn;
    private ReceiptWriter jpReceipts;
    private ReceiptWriter cnReceipts;

    @BeforeEach
    void twoPinnedStations() {
        pair = StationPair.create(tmp).open(clock);
        jp = pair.jp();
        cn = pair.cn();
        jpReceipts = new ReceiptWriter(jp);
        cnReceipts = new ReceiptWriter(cn);
    }

    @AfterEach
    void close() {
        jpReceipts.close();
        cnReceipts.close();
        pair.close();
    }

    private void at(Duration sinceT0) {
        clock.set(T0.plus(sinceT0));
    }

    private static Body text(Precedence p, String s) {
        return new Body.Message(p, new MessageContent.FreeText("en", s));
    }

    /** Hands {@code to} every entry of {@code from}'s log it does not hold yet. */
    private static void deliver(Station from, Station to) {
        StationId fromId = from.id();
        StationId toId = to.id();
        long held = to.store().head(to.peerLog(fromId)).seq();
        to.receive(fromId, from.store().read(from.ownLog(toId), held + 1, 10_000));
    }

    /** jp-mod's entries reach cn-mnd, which receipts them. */
    private void toCnAndReceipt() {
        deliver(jp, cn);
        cnReceipts.writeDue(JP);
    }

    private static List<SignedEntry> all(Station s, LogId log) {
        return s.store().read(log, 1, 10_000);
    }

    private static Report report(Station s, StationId peer, Instant asOf) {
        return Readiness.compute(s.id(), peer, all(s, s.ownLog(peer)), all(s, s.peerLog(peer)), DAY,
                s.config()::ackDeadline, asOf);
    }

    private static Spread spread(int count, Duration median, Duration p95) {
        return new Spread(count, Optional.of(median), Optional.of(p95));
    }

    private static Flow none() {
        return new Flow(0, Spread.NONE, Spread.NONE, 0);
    }

    private static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    @Test
    void readiness_countsFromEntryTimes_nearestRankMedianAndP95_andThePeerGetsTheSameNumbers() {
        // Before the period: a FLASH acknowledged by Lt Wang, which must count nowhere.
        at(Duration.ofHours(-1));
        SignedEntry before = jp.write(CN, text(Precedence.FLASH, "yesterday's"));
        toCnAndReceipt();
        cn.acknowledge(JP, before.seq(), "Lt Wang", Optional.empty());

        // Three FLASH messages: receipted after 2 s, 4 s, 1 s; acknowledged after 60 s, 420 s (late), 30 s.
        at(Duration.ZERO);
        SignedEntry a = jp.write(CN, text(Precedence.FLASH, "A"));
        at(s(2));
        toCnAndReceipt();
        at(s(60));
        cn.acknowledge(JP, a.seq(), "Lt Wang", Optional.empty());
        at(Duration.ofMinutes(10));
        SignedEntry b = jp.write(CN, text(Precedence.FLASH, "B"));
        at(Duration.ofMinutes(10).plus(s(4)));
        toCnAndReceipt();
        at(Duration.ofMinutes(17));
        cn.acknowledge(JP, b.seq(), "Lt Wang", Optional.empty());
        at(Duration.ofMinutes(20));
        SignedEntry c = jp.write(CN, text(Precedence.FLASH, "C"));
        at(Duration.ofMinutes(20).plus(s(1)));
        toCnAndReceipt();
        at(Duration.ofMinutes(20).plus(s(30)));
        cn.acknowledge(JP, c.seq(), "Lt Li", Optional.empty());

        // One ROUTINE from cn-mnd: receipted after 3 s, acknowledged after an hour, then once more on purpose.
        at(Duration.ofMinutes(40));
        SignedEntry e = cn.write(JP, text(Precedence.ROUTINE, "E"));
        at(Duration.ofMinutes(40).plus(s(3)));
        deliver(cn, jp);
        jpReceipts.writeDue(CN);

        // Two link tests: one wanting a receipt (answered), one wanting a duty officer (receipted, not acknowledged).
        at(Duration.ofMinutes(45));
        jp.write(CN, new Body.LinkTest(clock.instant(), false));
        at(Duration.ofMinutes(46));
        jp.write(CN, new Body.LinkTest(clock.instant(), true));
        at(Duration.ofMinutes(46).plus(s(2)));
        toCnAndReceipt();
        at(Duration.ofMinutes(100));
        jp.acknowledge(CN, e.seq(), "Lt Sato", Optional.empty());
        at(Duration.ofMinutes(160));
        jp.acknowledge(CN, e.seq(), "Cdr Ito", Optional.of("read back to the watch"));

        // An IMMEDIATE that cn-mnd holds but never receipts nor acknowledges: past its 30 min deadline.
        at(Duration.ofHours(3));
        jp.write(CN, text(Precedence.IMMEDIATE, "D"));
        deliver(jp, cn);
        deliver(cn, jp);

        Instant asOf = T0.plus(Duration.ofHours(4));
        Report ours = report(jp, CN, asOf);
        assertThat(ours.precedences()).containsExactly(
                new PrecedenceRow(Precedence.FLASH,
                        new Flow(3, spread(3, s(2), s(4)), spread(3, s(60), s(420)), 1), none()),
                new PrecedenceRow(Precedence.IMMEDIATE, new Flow(1, Spread.NONE, Spread.NONE, 1), none()),
                new PrecedenceRow(Precedence.PRIORITY, none(), none()),
                new PrecedenceRow(Precedence.ROUTINE, none(),
                        new Flow(1, spread(1, s(3), s(3)), spread(1, Duration.ofHours(1), Duration.ofHours(1)), 0)));
        assertThat(ours.officers()).as("first acknowledgements only; Cdr Ito's second one is no time to answer")
                .containsExactly(
                        new OfficerRow(CN, "Lt Li", 1, spread(1, s(30), s(30)), 0),
                        new OfficerRow(CN, "Lt Wang", 2, spread(2, s(60), s(420)), 1),
                        new OfficerRow(JP, "Lt Sato", 1, spread(1, Duration.ofHours(1), Duration.ofHours(1)), 0));
        assertThat(ours.testsSent()).isEqualTo(new Tests(2, 1));
        assertThat(ours.testsReceived()).isEqualTo(new Tests(0, 0));

        // cn-mnd, holding the same entries, gets the same numbers with sent and received swapped.
        Report theirs = report(cn, JP, asOf);
        assertThat(theirs.precedences()).containsExactlyElementsOf(ours.precedences().stream()
                .map(r -> new PrecedenceRow(r.precedence(), r.received(), r.sent())).toList());
        assertThat(theirs.officers()).isEqualTo(ours.officers());
        assertThat(theirs.testsReceived()).isEqualTo(ours.testsSent());
    }

    @Test
    void aMessageNeverReceipted_countsAsSent_withNoTimes_andMissesItsDeadlineOnlyOnceItHasPassed() {
        at(Duration.ofMinutes(1));
        jp.write(CN, text(Precedence.FLASH, "nobody there"));
        Report early = report(jp, CN, T0.plus(Duration.ofMinutes(6)));
        assertThat(early.precedences().get(0)).as("the deadline (5 min) is at 00:06 exactly, not yet passed")
                .isEqualTo(new PrecedenceRow(Precedence.FLASH, new Flow(1, Spread.NONE, Spread.NONE, 0), none()));
        Report late = report(jp, CN, T0.plus(Duration.ofMinutes(6)).plusMillis(1));
        assertThat(late.precedences().get(0).sent()).isEqualTo(new Flow(1, Spread.NONE, Spread.NONE, 1));
        assertThat(late.officers()).isEmpty();
    }

    @Test
    void noMessages_everyRowIsZero_andThereAreNoTimes() {
        Report empty = report(jp, CN, T0.plus(Duration.ofHours(30)));
        assertThat(empty.precedences()).extracting(PrecedenceRow::precedence).containsExactly(Precedence.values());
        assertThat(empty.precedences()).allSatisfy(r -> {
            assertThat(r.sent()).isEqualTo(none());
            assertThat(r.received()).isEqualTo(none());
        });
        assertThat(empty.officers()).isEmpty();
        assertThat(empty.testsSent()).isEqualTo(new Tests(0, 0));
    }

    @Test
    void percentiles_areNearestRank_aValueThatOccurred_theLowerMiddleForAnEvenCount() {
        List<Duration> twenty = IntStream.rangeClosed(1, 20).mapToObj(i -> s(21 - i)).toList();
        assertThat(Spread.of(twenty)).isEqualTo(spread(20, s(10), s(19)));
        assertThat(Spread.of(List.of(s(7), s(3)))).isEqualTo(spread(2, s(3), s(7)));
        assertThat(Spread.of(List.of(s(5)))).isEqualTo(spread(1, s(5), s(5)));
        assertThat(Spread.of(List.of())).isEqualTo(Spread.NONE);
    }
}
