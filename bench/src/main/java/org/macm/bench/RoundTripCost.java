package org.macm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Only MACM's fixed-rate step of the link bench ({@link LinkBench}), for measuring one change
 * at a time in 40 s instead of the link part's minutes: one path, warm-up, then the measured
 * step, printing latency, CPU, allocation and GC pauses per round trip ({@link JvmCost}).
 * Arguments: rate (default 200), warm-up seconds (10), measured seconds (20). Once
 * {@code bench/run.sh} has built the bench (it writes {@code bench/target/bench-classpath.txt}):
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED [-XX:+UseZGC | -agentpath:.../libasyncProfiler.so=start,event=alloc,...] \
 *   -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" org.macm.bench.RoundTripCost 200 10 20
 * </pre>
 */
public final class RoundTripCost {
    private RoundTripCost() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        double rate = args.length > 0 ? Double.parseDouble(args[0]) : 200;
        double warm = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 20;
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "macm-rt");
        try (MacmLink link = MacmLink.start(dir, 1, false, Duration.ofSeconds(2), 3);
                MacmLink.RoundTrips rt = link.roundTrips()) {
            OpenLoop.run(rt, rate, warm, LinkBench.FIXED_DRAIN);
            rt.settle(OpenLoop.SETTLE);
            OpenLoop.Step fixed;
            try (JvmCost cost = JvmCost.start()) {
                fixed = OpenLoop.run(rt, rate, seconds, LinkBench.FIXED_DRAIN);
                System.out.printf(Locale.ROOT, "fixed %.0f/s: %s%n  %s%n", rate, fixed,
                        cost.spent().perRoundTrip(fixed.latency().count(), seconds));
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
