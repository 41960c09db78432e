package org.macm.station.traffic;

import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.macm.core.log.Body;
import org.macm.core.log.LinkId;
import org.macm.core.log.LinkParameters;
import org.macm.core.log.LogId;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.Station;
import org.macm.station.StationPair;
import org.macm.testkit.TestClock;

/**
 * A small pair of logs whose readiness figures are known by hand, written by two real stations
 * (real stores, real signatures) on a clock the scenario moves. Times are from
 * {@link #T0} = 2026-11-30T00:00:00Z; "receipt" is the receiving station's first entry that
 * states it holds the message (here always its RECEIPT).
 *
 * <pre>
 * jp-mod -> cn-mnd
 *   00:00:00 FLASH A      receipt 00:00:02   ack 00:01:02 Lt Wang  (60 s after receipt; deadline 5 min)
 *   00:10:00 FLASH B      receipt 00:10:04   ack 00:17:04 Lt Wang  (420 s: missed)
 *   00:20:00 announcement: FLASH deadline 10 min (not a message)
 *   00:21:00 FLASH C      receipt 00:21:01   ack 00:27:01 Lt Li    (360 s: met under the announced 10 min)
 *   00:45:00 TEST         receipt 00:46:02   (answered by the receipt)
 *   00:46:00 TEST human   receipt 00:46:02   never acknowledged: deadline 01:16:02 (IMMEDIATE) passed: missed
 *   03:00:00 IMMEDIATE D  receipt 03:00:05   never acknowledged: deadline 03:30:05 passed: missed
 *   03:30:00 PRIORITY F   receipt 04:00:00 (taken in with the rest at the end): deadline 06:30:00 not passed: not missed
 * cn-mnd -> jp-mod
 *   00:40:00 ROUTINE E    receipt 00:40:03   ack 01:40:03 Lt Sato (1 h); again 02:40:00 Cdr Ito with a remark (not counted)
 *   04:00:00 TEST         receipt 04:00:00 (answered by the receipt)
 * as of 04:00:00 (cn-mnd's last entry); untested jp-mod -> cn-mnd longest 00:46:02 to 04:00:00
 * </pre>
 *
 * <p>At the end each station holds the other's whole log, so either station's copies give the same report.
 */
public final class ReadinessScenario implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

    private final TestClock clock = TestClock.standingAt(T0);
    private final StationPair pair;
    private final StationPair.Opened opened;
    private final Station jp;
    private final Station cn;
    private boolean closed;

    private ReadinessScenario(Path dir) {
        pair = StationPair.create(dir);
        opened = pair.open(clock);
        jp = opened.jp();
        cn = opened.cn();
    }

    /** Writes the scenario's logs in {@code dir} (two station folders); the stations stay open until {@link #close}. */
    public static ReadinessScenario write(Path dir) {
        ReadinessScenario s = new ReadinessScenario(dir);
        s.play();
        return s;
    }

    public StationPair pair() {
        return pair;
    }

    public Station jp() {
        return jp;
    }

    public Station cn() {
        return cn;
    }

    /** The link's two logs as {@code holder} holds them: its own, then its copy of the peer's. */
    public List<List<SignedEntry>> logsAt(Station holder) {
        StationId peer = holder.id().equals(JP) ? CN : JP;
        return List.of(all(holder, holder.ownLog(peer)), all(holder, holder.peerLog(peer)));
    }

    public static LinkId link() {
        return LinkId.between(JP, CN);
    }

    private void play() {
        at("00:00:00");
        SignedEntry a = jp.write(CN, text(Precedence.FLASH, "A"));
        at("00:00:02");
        deliver(jp, cn);
        at("00:01:02");
        cn.acknowledge(JP, a.seq(), "Lt Wang", Optional.empty());

        at("00:10:00");
        SignedEntry b = jp.write(CN, text(Precedence.FLASH, "B"));
        at("00:10:04");
        deliver(jp, cn);
        at("00:17:04");
        cn.acknowledge(JP, b.seq(), "Lt Wang", Optional.empty());

        at("00:20:00");
        Map<Precedence, Duration> deadlines = new EnumMap<>(LinkParameters.DEFAULTS.deadlines());
        deadlines.put(Precedence.FLASH, Duration.ofMinutes(10));
        jp.write(CN, new Body.Message(Precedence.ROUTINE, new LinkParameters(deadlines).template()));
        at("00:21:00");
        SignedEntry c = jp.write(CN, text(Precedence.FLASH, "C"));
        at("00:21:01");
        deliver(jp, cn);
        at("00:27:01");
        cn.acknowledge(JP, c.seq(), "Lt Li", Optional.empty());

        at("00:40:00");
        SignedEntry e = cn.write(JP, text(Precedence.ROUTINE, "E"));
        at("00:40:03");
        deliver(cn, jp);

        at("00:45:00");
        jp.write(CN, new Body.LinkTest(clock.instant(), false));
        at("00:46:00");
        jp.write(CN, new Body.LinkTest(clock.instant(), true));
        at("00:46:02");
        deliver(jp, cn);

        at("01:40:03");
        jp.acknowledge(CN, e.seq(), "Lt Sato", Optional.empty());
        at("02:40:00");
        jp.acknowledge(CN, e.seq(), "Cdr Ito", Optional.of("read back to the watch"));

        at("03:00:00");
        jp.write(CN, text(Precedence.IMMEDIATE, "D"));
        at("03:00:05");
        deliver(jp, cn);
        at("03:30:00");
        jp.write(CN, text(Precedence.PRIORITY, "F"));
        at("04:00:00");
        cn.write(JP, new Body.LinkTest(clock.instant(), false));

        // Each station now takes in the rest of the other's log, receipting it in the same commit
        // (docs/PROTOCOL.md §10 step 4), and cn-mnd takes in jp-mod's last receipt, which needs none.
        deliver(jp, cn);
        deliver(cn, jp);
        deliver(jp, cn);
    }

    private void at(String hms) {
        clock.set(Instant.parse("2026-11-30T" + hms + "Z"));
    }

    private static Body text(Precedence p, String s) {
        return new Body.Message(p, new MessageContent.FreeText("en", s));
    }

    /** Hands {@code to} every entry of {@code from}'s log it does not hold yet. */
    private static void deliver(Station from, Station to) {
        long held = to.store().head(to.peerLog(from.id())).seq();
        to.receive(from.id(), from.store().read(from.ownLog(to.id()), held + 1, 10_000));
    }

    private static List<SignedEntry> all(Station s, LogId log) {
        return s.store().read(log, 1, 10_000);
    }

    /** Closes both stations (so their folders can be exported offline). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            opened.close();
        }
    }
}
