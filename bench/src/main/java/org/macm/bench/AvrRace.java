package org.macm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.macm.encounter.decode.DecodeStats;
import org.macm.encounter.modes.ModeSDecoder;

/**
 * Mode S decoding throughput: N AVR lines (the committed pyModeS corpus of real frames,
 * with and without MLAT timestamps, repeated) through MACM's {@link ModeSDecoder} on one
 * thread, messages per second by the clock and per CPU second. The yardstick is
 * dump1090-mutability (Debian package), the one C decoder in Debian: it cannot read AVR from
 * a file (its {@code --ifile} takes I/Q samples), only from its raw-input TCP port, so the
 * bench starts it on loopback ports, sends it the same lines and counts the frames it passes
 * on (its raw output, after its CRC check). Its input loop is paced, so its wall time says
 * little; its CPU time (from /proc) is the comparison.
 */
final class AvrRace {
    private static final Path CORPUS = Path.of("encounter/src/test/resources/org/macm/encounter/modes/pymodes/frames.avr");
    private static final Path DUMP1090 = Path.of("/usr/bin/dump1090-mutability");
    private final Path dir;
    private final int lines;

    AvrRace(Path dir, int lines) {
        this.dir = dir;
        this.lines = lines;
    }

    void run() throws IOException, InterruptedException {
        Path corpus = Files.exists(CORPUS) ? CORPUS : Path.of("..").resolve(CORPUS);
        if (!Files.exists(corpus)) {
            System.out.println("AVR decoding: corpus " + CORPUS + " not found; skipped");
            return;
        }
        List<String> frames = Files.readAllLines(corpus, StandardCharsets.US_ASCII);
        List<String> input = new ArrayList<>(lines);
        for (int i = 0; input.size() < lines; i++) {
            input.add(frames.get(i % frames.size()));
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("race.avr");
        Files.write(file, input, StandardCharsets.US_ASCII);
        System.out.printf(Locale.ROOT, "Mode S decoding, %,d AVR lines (%,d real frames from the pyModeS corpus, repeated; %,d bytes)%n",
                lines, frames.size(), Files.size(file));
        decode(input); // warm-up: the JIT compiles the decoder
        long[] m = decode(input);
        double wall = m[0] / 1e9;
        double cpu = m[1] / 1e9;
        System.out.printf(Locale.ROOT, "  MACM ModeSDecoder (one thread, in memory)  %,10.0f lines/s  %,10.0f per CPU s  (%,d messages, %,d rejected)%n",
                lines / wall, lines / cpu, m[2], m[3]);
        if (!Files.isExecutable(DUMP1090)) {
            System.out.println("  dump1090-mutability: not installed (apt-get install dump1090-mutability); comparison skipped");
            return;
        }
        dump1090(file);
    }

    /** Decodes every line once: {wall ns, thread CPU ns, decoded, rejected}. */
    private static long[] decode(List<String> input) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ModeSDecoder decoder = new ModeSDecoder();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < input.size(); i++) {
            decoder.accept(input.get(i));
        }
        long wall = System.nanoTime() - t0;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        DecodeStats.Snapshot s = decoder.stats().snapshot();
        return new long[] {wall, cpu, s.decoded(), s.rejectedTotal()};
    }

    private void dump1090(Path file) throws IOException, InterruptedException {
        int in = freePort();
        int out = freePort();
        Process p = new ProcessBuilder(DUMP1090.toString(), "--net-only", "--quiet", "--net-bind-address", "127.0.0.1",
                "--net-ri-port", Integer.toString(in), "--net-ro-port", Integer.toString(out), "--net-sbs-port", "0",
                "--net-bi-port", "0", "--net-bo-port", "0", "--net-http-port", "0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            AtomicLong passed = new AtomicLong();
            AtomicLong lastNanos = new AtomicLong();
            try (Socket reader = connect(out); Socket writer = connect(in)) {
                Thread counter = Thread.ofPlatform().daemon().start(() -> count(reader, passed, lastNanos));
                long cpu0 = cpuTicks(p.pid());
                long t0 = System.nanoTime();
                lastNanos.set(t0);
                try (OutputStream o = writer.getOutputStream()) {
                    Files.copy(file, o);
                    // it reads on while the last output is under a second old
                    while (System.nanoTime() - lastNanos.get() < 1_000_000_000L) {
                        Thread.sleep(50);
                    }
                }
                double wall = (lastNanos.get() - t0) / 1e9;
                double cpu = (cpuTicks(p.pid()) - cpu0) / 100.0;
                counter.interrupt();
                System.out.printf(Locale.ROOT, "  dump1090-mutability (TCP raw in, loopback)  %,10.0f lines/s  %,10.0f per CPU s  (%,d frames passed CRC;"
                        + " CPU %.2f s in %.1f s)%n", lines / wall, lines / cpu, passed.get(), cpu, wall);
            }
        } finally {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void count(Socket reader, AtomicLong passed, AtomicLong lastNanos) {
        byte[] buf = new byte[1 << 16];
        try (InputStream i = reader.getInputStream()) {
            for (int n; (n = i.read(buf)) > 0; ) {
                long k = 0;
                for (int j = 0; j < n; j++) {
                    if (buf[j] == '\n') {
                        k++;
                    }
                }
                passed.addAndGet(k);
                lastNanos.set(System.nanoTime());
            }
        } catch (IOException e) {
            // the socket closed: counting is over
        }
    }

    /** Connects to dump1090's port once it listens (it takes a moment to start). */
    private static Socket connect(int port) throws IOException, InterruptedException {
        IOException last = null;
        for (int i = 0; i < 100; i++) {
            try {
                return new Socket(InetAddress.getLoopbackAddress(), port);
            } catch (IOException e) {
                last = e;
                Thread.sleep(50);
            }
        }
        throw new IOException("dump1090-mutability did not listen on port " + port, last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    /** utime + stime of a process, in clock ticks (100 per second on Linux). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        List<String> f = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1));
        return Long.parseLong(f.get(11)) + Long.parseLong(f.get(12));
    }
}
