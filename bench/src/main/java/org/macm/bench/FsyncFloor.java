package org.macm.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor under a durable round trip on this disk: fsyncs one after the other, each after
 * appending one 4 KiB page to a file, with nothing else going on. Two in a row is MACM's
 * critical path (the sender's entry; the receiver's copy and its receipt in one commit);
 * four in a row is the path it had before (entry at the sender, at the receiver, receipt at
 * the receiver, at the sender). The two chains alternate in one loop, so both see the same
 * disk. No durable round trip here beats its floor; a broker that fsyncs nothing does not pay it.
 */
final class FsyncFloor {
    /** An fsync slower than this is a disk stall, and is reported as one. */
    static final double STALL_MILLIS = 50;

    private FsyncFloor() {
    }

    /**
     * The latency of whole chains of two and of four fsyncs, how many single fsyncs took over
     * {@link #STALL_MILLIS} ms, and the slowest one.
     */
    record Floor(Latency two, Latency four, int stalls, double slowestMillis) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "two in a row: %s%n           four in a row: %s", two, four);
        }
    }

    /** {@code chains} chains of two and {@code chains} of four, alternating, {@code gapMicros} apart. */
    static Floor measure(Path dir, int chains, long gapMicros) throws IOException {
        Files.createDirectories(dir);
        long[] two = new long[chains];
        long[] four = new long[chains];
        int[] stalls = new int[1];
        long[] slowest = new long[1];
        ByteBuffer page = ByteBuffer.allocate(4096);
        try (FileChannel a = FileChannel.open(dir.resolve("a.bin"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
                FileChannel b = FileChannel.open(dir.resolve("b.bin"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
            FileChannel[] files = {a, b}; // two stores, as in the round trip
            for (int i = 0; i < chains; i++) {
                two[i] = chain(files, 2, page, stalls, slowest);
                LockSupport.parkNanos(gapMicros * 1000);
                four[i] = chain(files, 4, page, stalls, slowest);
                LockSupport.parkNanos(gapMicros * 1000);
            }
        }
        return new Floor(Latency.of(two), Latency.of(four), stalls[0], slowest[0] / 1e6);
    }

    private static long chain(FileChannel[] files, int fsyncs, ByteBuffer page, int[] stalls, long[] slowest)
            throws IOException {
        long start = System.nanoTime();
        long last = start;
        for (int k = 0; k < fsyncs; k++) {
            FileChannel f = files[k % 2];
            page.clear();
            f.write(page);
            f.force(true); // fsync, as SQLite does
            long now = System.nanoTime();
            if (now - last > STALL_MILLIS * 1e6) {
                stalls[0]++;
            }
            slowest[0] = Math.max(slowest[0], now - last);
            last = now;
        }
        return last - start;
    }
}
