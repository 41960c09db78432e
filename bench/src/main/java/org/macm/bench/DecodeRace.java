package org.macm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.macm.station.demo.AisEncoder;

/**
 * Decoding throughput, process against process: {@code macm ais decode FILE --json} against
 * gpsd's {@code gpsdecode -d --json} (Debian package gpsd-clients) on the same file of AIS
 * sentences (type 1 position reports and two-sentence type 5 static data), both writing one
 * JSON object per message. Each is run twice and the faster run counts (page cache warm).
 */
final class DecodeRace {
    private static final Path TIME = Path.of("/usr/bin/time");
    private final Path dir;
    private final int sentences;

    DecodeRace(Path dir, int sentences) {
        this.dir = dir;
        this.sentences = sentences;
    }

    void run() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path file = dir.resolve("race.aivdm");
        int written = generate(file);
        System.out.printf(Locale.ROOT, "AIS decoding, %,d sentences (%,d bytes), one JSON object per message%n", written,
                Files.size(file));
        Path gpsdecode = Path.of("/usr/bin/gpsdecode");
        // exec:exec runs in bench/; from the project root the jar is station/target/macm.jar.
        Path jar = Files.exists(Path.of("../station/target/macm.jar")) ? Path.of("../station/target/macm.jar").toAbsolutePath()
                : Path.of("station/target/macm.jar").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        double[] macmRun = best(List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(), "ais", "decode",
                file.toString(), "--json"), null);
        double macm = macmRun[0];
        long macmLines = lines(List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(), "ais", "decode",
                file.toString(), "--json"), null);
        System.out.printf(Locale.ROOT, "  macm ais decode --json   %7.2f s  %,10.0f sentences/s  CPU %5.2f s  (%,d messages out)%n",
                macm, written / macm, macmRun[1], macmLines);
        if (!Files.isExecutable(gpsdecode)) {
            System.out.println("  gpsdecode: not installed (apt-get install gpsd-clients); comparison skipped");
            return;
        }
        double[] gpsdRun = best(List.of(gpsdecode.toString(), "-d", "--json"), file);
        double gpsd = gpsdRun[0];
        long gpsdLines = lines(List.of(gpsdecode.toString(), "-d", "--json"), file);
        System.out.printf(Locale.ROOT, "  gpsdecode -d --json      %7.2f s  %,10.0f sentences/s  CPU %5.2f s  (%,d messages out)%n",
                gpsd, written / gpsd, gpsdRun[1], gpsdLines);
        System.out.printf(Locale.ROOT, "  MACM / gpsdecode throughput: %.2fx by the clock, %.2fx by CPU time (above 1 favours MACM;"
                + " JVM start-up and its compiler threads included)%s%n", gpsd / macm, gpsdRun[1] / macmRun[1],
                macmLines == gpsdLines ? "" : "; COUNTS DIFFER");
    }

    private int generate(Path file) throws IOException {
        AisEncoder encoder = new AisEncoder();
        Random random = new Random(42);
        Instant t = Instant.parse("2026-11-29T03:00:00Z");
        int written = 0;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            while (written < sentences) {
                int mmsi = 200_000_000 + random.nextInt(500_000_000);
                List<String> lines = random.nextInt(10) == 0
                        ? encoder.staticData(t, mmsi, "SHIP " + (written % 9999), "V" + (written % 9999), 70, 120, 20)
                        : encoder.position(t, mmsi, -60 + random.nextDouble() * 120, -179 + random.nextDouble() * 358,
                                random.nextDouble() * 25, random.nextDouble() * 359, random.nextInt(360));
                for (String l : lines) {
                    // gpsdecode does not read NMEA 4.0 tag blocks; both get the bare sentence.
                    w.write(l.substring(l.lastIndexOf('\\') + 1));
                    w.write('\n');
                    written++;
                }
                t = t.plusMillis(10);
            }
        }
        return written;
    }

    /** The faster of two runs: {wall seconds, CPU seconds (user + system, all threads; NaN without /usr/bin/time)}. */
    private double[] best(List<String> command, Path stdin) throws IOException, InterruptedException {
        double[] best = {Double.MAX_VALUE, Double.NaN};
        Path times = dir.resolve("time.txt");
        boolean timed = Files.isExecutable(TIME);
        List<String> wrapped = new ArrayList<>();
        if (timed) {
            wrapped.addAll(List.of(TIME.toString(), "-f", "%U %S", "-o", times.toString()));
        }
        wrapped.addAll(command);
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            run(wrapped, stdin, ProcessBuilder.Redirect.DISCARD);
            double wall = (System.nanoTime() - start) / 1e9;
            if (wall < best[0]) {
                best[0] = wall;
                best[1] = timed ? cpuSeconds(times) : Double.NaN;
            }
        }
        return best;
    }

    /** User + system seconds as {@code /usr/bin/time -f "%U %S"} wrote them (its last line). */
    private static double cpuSeconds(Path times) throws IOException {
        List<String> lines = Files.readAllLines(times, StandardCharsets.US_ASCII);
        String[] f = lines.get(lines.size() - 1).trim().split(" +", -1);
        return Double.parseDouble(f[0]) + Double.parseDouble(f[1]);
    }

    private static long lines(List<String> command, Path stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        long count = 0;
        try (InputStream in = p.getInputStream()) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        count++;
                    }
                }
            }
        }
        p.waitFor(10, TimeUnit.MINUTES);
        return count;
    }

    private static void run(List<String> command, Path stdin, ProcessBuilder.Redirect out)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish in 10 minutes");
        }
    }
}
