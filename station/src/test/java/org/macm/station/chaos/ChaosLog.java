package org.macm.station.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * What the chaos run did and when, one line per event, to a file kept as evidence and to
 * standard output: "12.345 s  kill jp-mod (restart #2)". Times count from the start of the run.
 */
public final class ChaosLog {
    private final Path file;
    private final long startNanos = System.nanoTime();

    public ChaosLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    public synchronized void note(String event) {
        String line = "%8.3f s  %s%n".formatted(elapsed().toMillis() / 1000.0, event);
        System.out.print("[chaos] " + line);
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chaos log " + file, e);
        }
    }
}
