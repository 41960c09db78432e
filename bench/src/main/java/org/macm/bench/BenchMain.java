package org.macm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the foundation's benchmarks and prints each figure beside the comparison it is judged
 * against, measured in the same run. {@code quick} gives a rough answer in about a minute;
 * {@code full} (the default) takes a few minutes and is what docs/BENCHMARKS.md reports.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException, RunnerException {
        boolean quick = args.length > 0 && args[0].equals("quick");
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "macm-bench");
        double seconds = quick ? 2 : 8;
        System.out.printf("MACM benchmarks (%s), store files in %s, on %d cores, Java %s%n%n", quick ? "quick" : "full",
                dir, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        AppendLoad load = new AppendLoad(dir, seconds);
        AppendLoad.Rate fsync = load.fsyncBaseline();
        AppendLoad.Rate one = load.appends(1);
        AppendLoad.Rate sixteen = load.appends(16);
        AppendLoad.Rate sixtyFour = load.appends(64);
        Files.deleteIfExists(dir);
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
