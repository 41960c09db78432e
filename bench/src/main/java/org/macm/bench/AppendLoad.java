package org.macm.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.macm.core.crypto.SigningKey;
import org.macm.core.log.Body;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogId;
import org.macm.core.log.LogWriter;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.StationId;
import org.macm.store.CommitStats;
import org.macm.store.SqliteLogStore;

/**
 * Durable appends per second into a real SQLite store on this disk: one writer at a time
 * (each append waits for its own fsync) against 16 concurrent writers (group commit), and
 * the raw one-at-a-time fsync rate of the same disk as the yardstick, all in one run.
 */
final class AppendLoad {
    /** One measured rate. */
    record Rate(String name, long operations, double seconds, CommitStats commits) {
        double perSecond() {
            return operations / seconds;
        }
    }

    private final Path dir;
    private final double seconds;

    AppendLoad(Path dir, double seconds) {
        this.dir = dir;
        this.seconds = seconds;
    }

    /** 300-byte writes to a file, each followed by fdatasync: the rate one-at-a-time durability can reach. */
    Rate fsyncBaseline() throws IOException {
        Path file = dir.resolve("fsync.bin");
        long ops = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer block = ByteBuffer.allocate(300);
            while (System.nanoTime() < end) {
                block.clear();
                ch.write(block);
                ch.force(false);
                ops++;
            }
        }
        long elapsed = System.nanoTime() - start;
        Files.delete(file);
        return new Rate("fdatasync, one at a time (yardstick)", ops, elapsed / 1e9, new CommitStats(0, 0, 0));
    }

    Rate appends(int writers) throws InterruptedException, IOException {
        Path file = dir.resolve("append-" + writers + ".db");
        LinkId link = LinkId.between(StationId.of("jp-mod"), StationId.of("cn-mnd"));
        LogId log = new LogId(link, StationId.of("jp-mod"));
        byte[] seed = new byte[32];
        seed[0] = 9;
        LogWriter writer = new LogWriter(log, SigningKey.fromSeed(seed), Clock.systemUTC());
        Body body = new Body.Message(Precedence.ROUTINE, new MessageContent.FreeText("en",
                "Routine position report: 29°42.0'N 125°12.0'E, course 090, speed 12 knots."));
        LongAdder done = new LongAdder();
        AtomicLong stopAt = new AtomicLong();
        long elapsed;
        CommitStats stats;
        try (SqliteLogStore store = SqliteLogStore.open(file)) {
            // Warm up signing, parsing and SQLite before the clock starts.
            for (int i = 0; i < 200; i++) {
                store.append(log, h -> writer.draft(h, Head.EMPTY, body));
            }
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            stopAt.set(start + (long) (seconds * 1e9));
            for (int t = 0; t < writers; t++) {
                Thread th = new Thread(() -> {
                    while (System.nanoTime() < stopAt.get()) {
                        store.append(log, h -> writer.draft(h, Head.EMPTY, body));
                        done.increment();
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                th.join();
            }
            elapsed = System.nanoTime() - start;
            stats = store.commitStats();
        }
        for (String suffix : new String[] {"", "-wal", "-shm", ".lock"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        return new Rate(writers == 1 ? "durable signed appends, 1 writer" : "durable signed appends, " + writers
                + " writers (group commit)", done.sum(), elapsed / 1e9, stats);
    }
}
