package org.macm.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import org.macm.station.cli.Macm;

/**
 * The workload that trains the distribution's AOT cache at package time (JEP 483/514): one
 * JVM runs what an operator runs most, {@code macm --version}, {@code macm --help},
 * {@code macm init} and {@code macm status} on the new station, so the classes those load
 * are in the cache. It ships as its own small jar in the distribution's {@code lib/} because
 * the JVM uses a cache only with the class path it was trained with; nothing else calls it.
 */
public final class AotTraining {
    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("macm-aot-training");
        Path station = dir.resolve("station");
        run("--version");
        run("--help");
        run("init", "--station", "aot-training", "--dir", station.toString());
        // A stopped station: status says so and exits 1; the classes it loads are what counts.
        run("status", "--dir", station.toString());
        run("status", "--help");
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void run(String... args) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        int code = Macm.commandLine(InputStream.nullInputStream(), nowhere, nowhere, Clock.systemUTC())
                .execute(args);
        if (code != 0 && !"status".equals(args[0])) {
            throw new IllegalStateException("training run 'macm " + String.join(" ", args) + "' exited " + code);
        }
    }
}
