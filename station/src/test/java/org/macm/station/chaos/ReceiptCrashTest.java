package org.macm.station.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.macm.station.StationPair.CN;
import static org.macm.station.StationPair.JP;
import static org.macm.station.StationPair.loopback;
import static org.macm.testkit.Await.await;
import static org.macm.testkit.Await.awaitValue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.macm.core.log.Body;
import org.macm.core.log.EntryKind;
import org.macm.core.log.SignedEntry;
import org.macm.station.Station;
import org.macm.station.StationPair;
import org.macm.station.chaos.CrashPointStation.Point;
import org.macm.testkit.FreePort;

/**
 * The receipt written in the commit that stores what it covers, and the round trip that ends
 * at the verified receipt (issue 12), through a SIGKILL at the two points where they could
 * lose or double something. Two stations run as child JVMs over real TLS on loopback with real
 * SQLite files; jp-mod sends one message to cn-mnd, and one of them runs as a
 * {@link CrashPointStation}, which stops dead at the point, where the test SIGKILLs it:
 *
 * <ul>
 *   <li>the receiver (cn-mnd) once its commit holds the message and the receipt, before the
 *       receipt is sent;
 *   <li>the sender (jp-mod) once it has verified cn-mnd's receipt, before storing it.
 * </ul>
 *
 * <p>Then the station is started again, normally, on the same folder, the link resyncs, both
 * stop, and the test checks that nothing was lost or doubled (see {@link #afterResync}).
 * When a run fails, its folder is kept and the failure prints where.
 */
class ReceiptCrashTest {
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final Duration RESYNC_LIMIT = Duration.ofSeconds(30);
    /**
     * A path's sender also reads the store at every heartbeat, and would then carry a receipt
     * that is durable but whose wake-up the receiver's point holds back (rightly: it sends only
     * what is committed). Heartbeats far apart keep that second way out of the few milliseconds
     * between the point and the kill, so the test can show the receipt was not sent.
     */
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);
    private static final Pattern REACHED = Pattern.compile(
            Pattern.quote(CrashPointStation.REACHED) + "\\S+ receipt (\\d+) upTo (\\d+)");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    /** What the killed station's point printed: the receipt's seq in cn-mnd's log and the seq of jp-mod's log it covers. */
    private record Reached(long receiptSeq, long upTo) {
        static Reached parse(String line) {
            Matcher m = REACHED.matcher(line);
            assertThat(m.matches()).as("the crash point's line: %s", line).isTrue();
            return new Reached(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void receiverKilledBetweenItsCommitAndSendingTheReceipt_sendsThatReceiptOnceAfterRestart() throws Exception {
        run(Point.RECEIPT_WRITTEN, (pair, jp, cn, message) -> {
            Reached reached = Reached.parse(cn.awaitPrinted(CrashPointStation.REACHED, RESYNC_LIMIT));
            cn.kill();
            assertThat(reached.upTo()).as("the receipt covers the message").isGreaterThanOrEqualTo(message.seq());
            // cn-mnd is dead, so once jp-mod has read to the closed connection, what it holds is
            // all that ever went on the wire.
            JsonNode link = awaitValue("jp-mod to see the link to the killed cn-mnd DOWN", RESYNC_LIMIT, () -> jp.http().link(),
                    l -> l.map(s -> s.path("state").asText().equals("DOWN")).orElse(false)).orElseThrow();
            assertThat(link.path("heldPeerHead").path("seq").asLong())
                    .as("cn-mnd's head as jp-mod holds it at the kill (the receipt is cn-mnd's entry %d): %s",
                            reached.receiptSeq(), link)
                    .isLessThan(reached.receiptSeq());
            assertThat(state(jp, message)).as("the message's state at jp-mod at the kill").isEqualTo("SENT");
            SignedEntry receipt = durableAtReceiver(pair, reached);
            cn.start();
            return new AtKill(reached, Optional.of(receipt));
        });
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void senderKilledBetweenVerifyingTheReceiptAndStoringIt_getsItBackOnceByResync() throws Exception {
        run(Point.RECEIPT_VERIFIED, (pair, jp, cn, message) -> {
            Reached reached = Reached.parse(jp.awaitPrinted(CrashPointStation.REACHED, RESYNC_LIMIT));
            jp.kill();
            assertThat(reached.upTo()).as("the receipt covers the message").isGreaterThanOrEqualTo(message.seq());
            notStoredAtSender(pair, reached);
            jp.start();
            return new AtKill(reached, Optional.empty());
        });
    }

    /** What a case does from the send on: awaits its point, kills, checks the state at the kill, restarts. */
    @FunctionalInterface
    private interface Crash {
        AtKill at(StationPair pair, StationProcess jp, StationProcess cn, Sent message) throws Exception;
    }

    /** The point reached, and the receipt as read from the dead receiver's folder (receiver's point only). */
    private record AtKill(Reached reached, Optional<SignedEntry> receipt) {
    }

    /** The message jp-mod's API wrote. */
    private record Sent(String text, long seq) {
        String id() {
            return JP + "/" + seq;
        }
    }

    private void run(Point point, Crash crash) throws Exception {
        StationPair pair = StationPair.create(tmp).withHeartbeat(HEARTBEAT, 3);
        int cnPort = FreePort.loopback();
        pair.write(pair.listening(CN, loopback(cnPort)));
        pair.write(pair.dialling(JP, loopback(cnPort)));
        String classPath = ClassPathSnapshot.take(tmp.resolve("classpath"));
        try (StationProcess cn = new StationProcess(CN, pair.cn(), classPath);
                StationProcess jp = new StationProcess(JP, pair.jp(), classPath)) {
            try {
                if (point == Point.RECEIPT_WRITTEN) {
                    cn.start(CrashPointStation.command(point, pair.cn()));
                    jp.start();
                } else {
                    cn.start();
                    jp.start(CrashPointStation.command(point, pair.jp()));
                }
                cn.awaitApi(START_LIMIT);
                jp.awaitApi(START_LIMIT);
                awaitValue("jp-mod's link to cn-mnd UP", START_LIMIT, () -> jp.http().link(),
                        l -> l.map(s -> s.path("state").asText().equals("UP")).orElse(false));

                String text = "crash at " + point;
                StationHttp.Sent sent = jp.http().send(CN, text);
                assertThat(sent).as("the send through jp-mod's API").isInstanceOf(StationHttp.Sent.Written.class);
                Sent message = new Sent(text, ((StationHttp.Sent.Written) sent).seq());
                AtKill atKill = crash.at(pair, jp, cn, message);

                cn.awaitApi(START_LIMIT);
                jp.awaitApi(START_LIMIT);
                await("jp-mod to see its message receipted and both stations to hold each other's whole log",
                        RESYNC_LIMIT, () -> !state(jp, message).equals("SENT") && StationProcess.caughtUp(jp, cn),
                        () -> "message " + state(jp, message) + "; jp-mod " + jp.http().link() + "; cn-mnd " + cn.http().link());
                jp.stop();
                cn.stop();
                assertThat(jp.alarms()).as("errors and refusals logged by jp-mod").isEmpty();
                assertThat(cn.alarms()).as("errors and refusals logged by cn-mnd").isEmpty();

                afterResync(pair, message, atKill);
                FinalChecks.logs(pair, List.of(text), List.of());
                FinalChecks.exportsVerifyTogether(pair, Map.of(JP, 1, CN, 0));
            } catch (Throwable e) {
                System.err.println("Crash run at " + point + " failed; evidence kept in " + tmp + ":\n  "
                        + pair.jp().dir() + "\n  " + pair.cn().dir() + "\n  " + jp.outputFiles() + "\n  "
                        + cn.outputFiles());
                throw e;
            }
        }
    }

    /**
     * Reads the dead cn-mnd's folder (jp-mod, still running, never touches it): the receipt the
     * point printed is durable in cn-mnd's log and covers the message cn-mnd holds. Returns it.
     */
    private static SignedEntry durableAtReceiver(StationPair pair, Reached reached) {
        try (Station cn = Station.open(pair.cn(), Clock.systemUTC())) {
            SignedEntry receipt = cn.store().get(cn.ownLog(JP), reached.receiptSeq()).orElseThrow(
                    () -> new AssertionError("cn-mnd's receipt " + reached.receiptSeq() + " is not durable at the kill"));
            assertThat(receipt.entry().body()).as("cn-mnd's entry %d at the kill", reached.receiptSeq())
                    .isInstanceOf(Body.Receipt.class);
            assertThat(cn.store().head(cn.peerLog(JP)).seq())
                    .as("jp-mod's log as cn-mnd holds it at the kill").isGreaterThanOrEqualTo(reached.upTo());
            return receipt;
        }
    }

    /** Reads the dead jp-mod's folder: the receipt it had verified was not stored. */
    private static void notStoredAtSender(StationPair pair, Reached reached) {
        try (Station jp = Station.open(pair.jp(), Clock.systemUTC())) {
            assertThat(jp.store().head(jp.peerLog(CN)).seq())
                    .as("cn-mnd's log as jp-mod holds it at the kill: the verified receipt %d not stored yet",
                            reached.receiptSeq())
                    .isLessThan(reached.receiptSeq());
        }
    }

    /**
     * Nothing lost, nothing doubled around the receipt: the receipt the point saw is in
     * cn-mnd's final log at its seq (at the receiver's point, byte for byte the entry durable at
     * the kill: the same signed entry, not a new one) and in jp-mod's copy; it is the first of
     * cn-mnd's receipts to cover the message; and no receipt was written needlessly, so none
     * twice: each covers, beyond the receipt before it, an entry of jp-mod's that is not itself
     * a receipt (receipts are not receipted; docs/PROTOCOL.md). A restart that wrote the owed
     * receipt again, or a resync that made cn-mnd receipt what it had receipted, breaks this.
     */
    private static void afterResync(StationPair pair, Sent message, AtKill atKill) {
        LinkLogs logs = LinkLogs.read(pair.jp(), pair.cn());
        long seq = atKill.reached().receiptSeq();
        assertThat(logs.cnOwn()).as("cn-mnd's log: an entry at the receipt's seq %d", seq).hasSizeGreaterThanOrEqualTo((int) seq);
        SignedEntry receipt = logs.cnOwn().get((int) seq - 1);
        atKill.receipt().ifPresent(r -> assertThat(receipt).as("cn-mnd's entry %d after the restart vs at the kill", seq)
                .isEqualTo(r));
        assertThat(receipt.entry().body()).as("cn-mnd's entry %d", seq).isInstanceOf(Body.Receipt.class);
        assertThat(logs.jpCopyOfCn()).as("jp-mod's copy of cn-mnd's log holds the receipt").contains(receipt);

        long covered = 0;
        for (SignedEntry e : logs.cnOwn()) {
            if (!(e.entry().body() instanceof Body.Receipt r)) {
                continue;
            }
            long upTo = r.upTo().seq();
            long from = covered;
            assertThat(logs.jpOwn().subList((int) Math.min(from, upTo), (int) upTo))
                    .as("jp-mod's entries %d..%d, newly covered by cn-mnd's receipt %d", from + 1, upTo, e.seq())
                    .anyMatch(j -> j.entry().kind() != EntryKind.RECEIPT);
            if (from < message.seq() && upTo >= message.seq()) {
                assertThat(e).as("cn-mnd's first receipt covering jp-mod's message %d", message.seq()).isEqualTo(receipt);
            }
            covered = upTo;
        }
    }

    private static String state(StationProcess jp, Sent message) throws InterruptedException {
        return jp.http().message(message.id()).map(m -> m.path("state").asText()).orElse("(no answer)");
    }
}
