package org.macm.station.chaos;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of the project's own parts of this test's class path (class folders and
 * {@code macm-*} jars), taken once, for the station processes to run from. Stations are
 * restarted many times over minutes; a build running meanwhile in the same working tree
 * (recompiling {@code target/classes}, reinstalling a snapshot jar) must not change or remove
 * the code under them halfway through the run.
 */
public final class ClassPathSnapshot {
    private ClassPathSnapshot() {
    }

    /** Copies the project's entries of {@code java.class.path} under {@code dir}; returns the new class path. */
    public static String take(Path dir) {
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : Pattern.compile(Pattern.quote(File.pathSeparator))
                .splitAsStream(System.getProperty("java.class.path")).toList()) {
            Path source = Path.of(entry);
            Path target = dir.resolve(i++ + "-" + source.getFileName());
            if (Files.isDirectory(source)) {
                copyTree(source, target);
                entries.add(target.toString());
            } else if (source.getFileName().toString().startsWith("macm-") && Files.isRegularFile(source)) {
                copy(source, target);
                entries.add(target.toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " for the station processes", e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " for the station processes", e);
        }
    }
}
