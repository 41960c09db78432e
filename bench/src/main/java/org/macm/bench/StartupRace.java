package org.macm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long {@code macm --version} and {@code macm status} take from exec to exit, beside a bare
 * {@code java -version} of the same runtime measured in the same run (the yardstick:
 * each at most 2x). Runs are interleaved (one of each command per round) so that drift in the
 * machine's load falls on all commands alike; the first round is a warm-up for the page cache
 * and is not counted. Arguments: {@code --macm PATH} (a launcher such as
 * {@code dist/target/macm-VERSION/bin/macm}, or a jar run with this JVM's java), {@code --runs N}
 * (default 20), {@code --dir D} (the station {@code status} asks; default a new stopped station
 * made with {@code macm init}, for which status says it is not running and exits 1).
 */
public final class StartupRace {
    private record Row(String name, List<String> command) {
    }

    private StartupRace() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String target = null;
        int runs = 20;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (a.equals("--macm") && v != null) {
                target = v;
                i++;
            } else if (a.equals("--runs") && v != null && v.matches("[1-9][0-9]*")) {
                runs = Integer.parseInt(v);
                i++;
            } else if (a.equals("--dir") && v != null) {
                dir = Path.of(v);
                i++;
            } else {
                System.err.println("usage: StartupRace --macm PATH-TO-LAUNCHER-OR-JAR [--runs N] [--dir STATION]");
                System.exit(2);
            }
        }
        if (target == null) {
            System.err.println("StartupRace: --macm PATH-TO-LAUNCHER-OR-JAR is required");
            System.exit(2);
        }
        Path targetPath = Path.of(target).toAbsolutePath();
        List<String> macm = macmCommand(targetPath);
        String java = javaOf(targetPath);
        if (dir == null) {
            dir = Files.createTempDirectory("macm-startup").resolve("station");
            exec(concat(macm, "init", "--station", "startup-race", "--dir", dir.toString()));
        }
        List<Row> rows = List.of(
                new Row("java -version", List.of(java, "-version")),
                new Row("macm --version", concat(macm, "--version")),
                new Row("macm status", concat(macm, "status", "--dir", dir.toString())));
        int[] codes = new int[rows.size()];
        long[][] nanos = new long[rows.size()][runs];
        for (int round = -1; round < runs; round++) {
            for (int r = 0; r < rows.size(); r++) {
                long t0 = System.nanoTime();
                codes[r] = exec(rows.get(r).command());
                long t = System.nanoTime() - t0;
                if (round >= 0) {
                    nanos[r][round] = t;
                }
            }
        }
        System.out.println("Start-up: " + runs + " interleaved runs each (after one warm-up round), wall time exec to exit");
        System.out.println("  target " + String.join(" ", macm));
        System.out.println("  java   " + java + " (" + Runtime.version() + " runs this bench)");
        System.out.printf(Locale.ROOT, "  %-16s %9s %9s %9s %8s %5s%n", "command", "median", "p90", "min", "ratio", "exit");
        double base = median(nanos[0]);
        for (int r = 0; r < rows.size(); r++) {
            long[] n = nanos[r];
            Arrays.sort(n);
            System.out.printf(Locale.ROOT, "  %-16s %7.0fms %7.0fms %7.0fms %7.2fx %5d%n", rows.get(r).name(),
                    median(n) / 1e6, n[(int) Math.ceil(0.9 * n.length) - 1] / 1e6, n[0] / 1e6, median(n) / base, codes[r]);
        }
    }

    /** A jar runs with the java running this bench; anything else is a launcher run as it is. */
    private static List<String> macmCommand(Path target) {
        if (target.toString().endsWith(".jar")) {
            return List.of(currentJava(), "--enable-native-access=ALL-UNNAMED", "-jar", target.toString());
        }
        return List.of(target.toString());
    }

    /** The java the target runs on: a packaged launcher's bundled runtime (bin/../runtime), else ours. */
    private static String javaOf(Path target) {
        Path parent = target.getParent();
        if (parent != null && parent.getParent() != null) {
            for (String runtime : List.of("runtime", "lib/runtime")) {
                Path j = parent.getParent().resolve(runtime).resolve("bin/java");
                if (Files.isExecutable(j)) {
                    return j.toString();
                }
            }
        }
        return currentJava();
    }

    private static String currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static int exec(List<String> command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static double median(long[] values) {
        long[] n = values.clone();
        Arrays.sort(n);
        return n.length % 2 == 1 ? n[n.length / 2] : (n[n.length / 2 - 1] + n[n.length / 2]) / 2.0;
    }
}
