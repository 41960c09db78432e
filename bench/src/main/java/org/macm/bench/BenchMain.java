package org.macm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and prints each figure beside the comparison it is judged against,
 * measured in the same run. Arguments: {@code quick|full} (default full: a few minutes, what
 * docs/BENCHMARKS.md reports; quick gives a rough answer), then {@code all} (default),
 * {@code storage} (durable appends and signing), {@code link} (round trip against
 * Mosquitto, failure detection, failover), {@code postgres} (the round trip with cn-mnd's store
 * on PostgreSQL, alone and with a synchronous standby, beside SQLite), {@code encounter} (the
 * engine and AIS decoding) or {@code console} (20 consoles' event streams under 200
 * messages/s); a third argument, if
 * above 0, sets how many seconds the console check measures.
 */
public final class BenchMain {
    private BenchMain() {
    }

    private static void encounter(boolean quick, Path dir) throws IOException, InterruptedException {
        System.out.println("Encounter engine: grid index vs naive all-pairs, same tracks and updates, one thread");
        EngineLoad load = new EngineLoad(quick ? 2 : 6);
        for (int n : new int[] {1_000, 10_000, 100_000}) {
            System.out.println(EngineLoad.row(load.run(true, n)));
            if (n <= 10_000) {
                System.out.println(EngineLoad.row(load.run(false, n)));
            } else {
                System.out.println("  naive  100000 tracks  not run: one update compares with every track (see 10,000 above)");
            }
        }
        System.out.println("Encounter engine: every ship and aircraft in the world at once (1,000,000 tracks, 60 S to 70 N,"
                + " third parties watched too)");
        System.out.println(EngineLoad.row(load.run(true, 1_000_000, EngineLoad.Area.WORLD)));
        System.out.println();
        new DecodeRace(dir.resolve("decode"), quick ? 200_000 : 1_000_000).run();
        System.out.println();
        new AvrRace(dir.resolve("avr"), quick ? 200_000 : 1_000_000).run();
    }

    public static void main(String[] args) throws IOException, InterruptedException, RunnerException {
        boolean quick = args.length > 0 && args[0].equals("quick");
        String only = args.length > 1 ? args[1] : "all";
        if (!List.of("all", "storage", "link", "postgres", "encounter", "console").contains(only)) {
            System.err.println("unknown section '" + only + "'; use all, storage, link, postgres, encounter or console");
            System.exit(2);
        }
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "macm-bench");
        System.out.printf("MACM benchmarks (%s, %s), files in %s, on %d cores, Java %s%n%n", quick ? "quick" : "full",
                only, dir, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        if (only.equals("all") || only.equals("storage")) {
            storage(quick, dir);
        }
        if (only.equals("all") || only.equals("link")) {
            System.out.println();
            new LinkBench(quick, dir.resolve("link")).run();
        }
        if (only.equals("all") || only.equals("postgres")) {
            System.out.println();
            new PostgresBench(quick, dir.resolve("postgres")).run();
        }
        if (only.equals("all") || only.equals("encounter")) {
            System.out.println();
            encounter(quick, dir);
        }
        if (only.equals("all") || only.equals("console")) {
            System.out.println();
            double seconds = args.length > 2 && Double.parseDouble(args[2]) > 0 ? Double.parseDouble(args[2]) : quick ? 10 : 30;
            new ConsoleLoad(dir.resolve("console"), 5, seconds).run();
        }
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void storage(boolean quick, Path dir) throws IOException, InterruptedException, RunnerException {
        double seconds = quick ? 2 : 8;

        AppendLoad load = new AppendLoad(dir, seconds);
        AppendLoad.Rate fsync = load.fsyncBaseline();
        AppendLoad.Rate one = load.appends(1);
        AppendLoad.Rate sixteen = load.appends(16);
        AppendLoad.Rate sixtyFour = load.appends(64);
        System.out.println("Durable appends (each returns only after fsync)");
        for (AppendLoad.Rate r : new AppendLoad.Rate[] {fsync, one, sixteen, sixtyFour}) {
            System.out.printf(Locale.ROOT, "  %-52s %10.0f /s  (%d in %.1f s)%s%n", r.name(), r.perSecond(), r.operations(),
                    r.seconds(), r.commits().commits() == 0 ? "" : String.format(Locale.ROOT,
                            "  %.1f entries per commit, %.0f us per commit", r.commits().writesPerCommit(),
                            r.commits().microsPerCommit()));
        }
        System.out.printf(Locale.ROOT, "  16 writers vs 1 writer (one fsync per append):  %5.1fx   (target: >= 10x)%n",
                sixteen.perSecond() / one.perSecond());
        System.out.printf(Locale.ROOT, "  64 writers vs 1 writer:                         %5.1fx%n", sixtyFour.perSecond() / one.perSecond());
        System.out.printf(Locale.ROOT, "  16 writers vs raw fdatasync one at a time:      %5.1fx%n%n", sixteen.perSecond() / fsync.perSecond());

        Options options = new OptionsBuilder()
                .include(SigningBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> score = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            score.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("Ed25519 on a " + new SigningBenchmarkProbe().entrySize() + "-byte entry (operations per second)");
        System.out.printf(Locale.ROOT, "  sign:   MACM (BouncyCastle) %9.0f /s   JDK provider %9.0f /s   ratio %5.1fx%n",
                score.get("macmSign"), score.get("jdkSign"), score.get("macmSign") / score.get("jdkSign"));
        System.out.printf(Locale.ROOT, "  verify: MACM (BouncyCastle) %9.0f /s   JDK provider %9.0f /s   ratio %5.1fx%n",
                score.get("macmVerify"), score.get("jdkVerify"), score.get("macmVerify") / score.get("jdkVerify"));
    }

    /** Sets up the benchmark state once to report the entry size it signs. */
    private static final class SigningBenchmarkProbe {
        int entrySize() {
            SigningBenchmark b = new SigningBenchmark();
            try {
                b.setUp();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            return b.entrySize();
        }
    }
}
