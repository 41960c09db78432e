package org.macm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.macm.core.log.Body;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.Station;

/**
 * Where the time of one durable round trip goes, stage by stage, at a fixed rate: the evidence
 * behind the link's latency goals. Both stations run in this JVM, so one clock stamps every
 * stage of jp-mod's seq n through listeners that run as each happens:
 *
 * <ol>
 *   <li>written: {@code Station.write} called → returned (signed, committed, fsynced at jp-mod);
 *   <li>to cn-mnd: → verified by cn-mnd's intake ({@code onVerified}, before its commit): the
 *       sender woken, the frame encoded, TLS both ways, cn-mnd's reader and intake, Ed25519 verify;
 *   <li>receipted: → cn-mnd's receipt durable with the entry ({@code onWrite}, one commit and
 *       fsync, the receipt signed);
 *   <li>back: → jp-mod has verified the receipt ({@code onVerified}): the sender woken, TLS,
 *       jp-mod's reader and intake, Ed25519 verify. The round trip ends here.
 * </ol>
 *
 * <p>Arguments: rate (default 200/s), warm-up seconds (10), measured seconds (20). Run as
 * {@link RoundTripCost} is.
 */
public final class RoundTripStages {
    private static final int MAX_SEQ = 1 << 20;

    private RoundTripStages() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        double rate = args.length > 0 ? Double.parseDouble(args[0]) : 200;
        double warm = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 20;
        AtomicLongArray called = new AtomicLongArray(MAX_SEQ);
        AtomicLongArray written = new AtomicLongArray(MAX_SEQ);
        AtomicLongArray atCn = new AtomicLongArray(MAX_SEQ);
        AtomicLongArray receipted = new AtomicLongArray(MAX_SEQ);
        AtomicLongArray back = new AtomicLongArray(MAX_SEQ);
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "macm-stages");
        try (MacmLink link = MacmLink.start(dir, 1, false, Duration.ofSeconds(2), 3, cn -> listen(cn, atCn, receipted));
                ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
            Station jp = link.jp().station();
            StationId cnId = link.cn().station().id();
            jp.onVerified((peer, entries) -> {
                long now = System.nanoTime();
                for (SignedEntry e : entries) {
                    stampUpTo(back, covered(e), now);
                }
            });
            long first = jp.store().head(jp.ownLog(cnId)).seq() + 1;
            Body body = MacmLink.message();
            long start = System.nanoTime();
            long total = (long) ((warm + seconds) * rate);
            for (long i = 0; i < total; i++) {
                LockSupport.parkNanos(start + (long) (i * 1e9 / rate) - System.nanoTime());
                writers.execute(() -> {
                    long t0 = System.nanoTime();
                    long seq = jp.write(cnId, body).seq();
                    long t1 = System.nanoTime();
                    called.set((int) seq, t0);
                    written.set((int) seq, t1);
                });
            }
            writers.shutdown();
            writers.awaitTermination(30, TimeUnit.SECONDS);
            Thread.sleep(2000);
            long measuredFrom = first + (long) (warm * rate);
            report(rate, seconds, measuredFrom, first + total, called, written, atCn, receipted, back);
        }
    }

    private static void listen(Station cn, AtomicLongArray atCn, AtomicLongArray receipted) {
        cn.onVerified((peer, entries) -> {
            long now = System.nanoTime();
            for (SignedEntry e : entries) {
                if (e.seq() < MAX_SEQ) {
                    atCn.compareAndSet((int) e.seq(), 0, now);
                }
            }
        });
        cn.onWrite((peer, e) -> {
            if (e.entry().body() instanceof Body.Receipt r) {
                stampUpTo(receipted, r.upTo().seq(), System.nanoTime());
            }
        });
    }

    /** What an entry of the peer says it holds of our log: a receipt's upTo, else its peerHead. */
    private static long covered(SignedEntry e) {
        return e.entry().body() instanceof Body.Receipt r ? r.upTo().seq() : e.entry().peerHead().seq();
    }

    /** Stamps every seq up to {@code upTo} not stamped yet, newest first, stopping at the first already stamped. */
    private static void stampUpTo(AtomicLongArray stamps, long upTo, long now) {
        for (long s = Math.min(upTo, MAX_SEQ - 1); s >= 1 && stamps.compareAndSet((int) s, 0, now); s--) {
            // each seq takes the first time it was covered
        }
    }

    private static void report(double rate, double seconds, long from, long to, AtomicLongArray called,
            AtomicLongArray written, AtomicLongArray atCn, AtomicLongArray receipted, AtomicLongArray back) {
        List<List<Long>> values = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            values.add(new ArrayList<>());
        }
        int complete = 0;
        for (long s = from; s < to && s < MAX_SEQ; s++) {
            int i = (int) s;
            long[] t = {called.get(i), written.get(i), atCn.get(i), receipted.get(i), back.get(i)};
            if (t[0] == 0 || t[1] == 0 || t[2] == 0 || t[3] == 0 || t[4] == 0) {
                continue;
            }
            complete++;
            values.get(0).add(t[1] - t[0]);
            values.get(1).add(t[2] - t[1]);
            values.get(2).add(t[3] - t[2]);
            values.get(3).add(t[4] - t[3]);
            values.get(4).add(t[4] - t[0]);
        }
        String[] names = {"written at jp-mod (sign, commit, fsync)", "to verified at cn-mnd (wake, TLS, read, intake, verify)",
            "to receipt durable at cn-mnd (one commit, fsync, receipt signed)", "back: verified at jp-mod (wake, TLS, read, intake, verify)",
            "round trip (write called -> receipt verified)"};
        System.out.printf(Locale.ROOT, "Stages of the round trip at %.0f/s, %.0f s measured, %d round trips with every stage stamped%n",
                rate, seconds, complete);
        for (int k = 0; k < names.length; k++) {
            long[] a = values.get(k).stream().mapToLong(Long::longValue).toArray();
            Latency l = Latency.of(a);
            System.out.printf(Locale.ROOT, "  %-68s p50 %6.3f ms  p90 %6.3f ms  p99 %7.3f ms%n", names[k], l.millis(0.5),
                    l.millis(0.9), l.millis(0.99));
        }
    }
}
