package org.macm.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor under MACM's round trip on this disk: four fsyncs one after the other (the
 * message at the sender, at the receiver, the receipt at the receiver, at the sender), each
 * after appending one 4 KiB page to a file, with nothing else going on. No durable round
 * trip can beat it here; a broker that fsyncs nothing does not pay it.
 */
final class FsyncFloor {
    private FsyncFloor() {
    }

    /** {@code chains} chains of four fsyncs, {@code gapMicros} apart; the latency of a whole chain. */
    static Latency fourInARow(Path dir, int chains, long gapMicros) throws IOException {
        Files.createDirectories(dir);
        long[] nanos = new long[chains];
        ByteBuffer page = ByteBuffer.allocate(4096);
        try (FileChannel a = FileChannel.open(dir.resolve("a.bin"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
                FileChannel b = FileChannel.open(dir.resolve("b.bin"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
            for (int i = 0; i < chains; i++) {
                long start = System.nanoTime();
                for (int k = 0; k < 4; k++) {
                    FileChannel f = k % 2 == 0 ? a : b; // two stores, as in the round trip
                    page.clear();
                    f.write(page);
                    f.force(true); // fsync, as SQLite does
                }
                nanos[i] = System.nanoTime() - start;
                LockSupport.parkNanos(gapMicros * 1000);
            }
        }
        return Latency.of(nanos);
    }
}
