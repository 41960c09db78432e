package org.macm.station.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.macm.core.log.StationId;
import org.macm.station.StationLayout;
import org.macm.testkit.Await;

/**
 * One station as a real operating-system process, {@code macm run --dir DIR} in a child JVM
 * (run from a {@link ClassPathSnapshot}), so that it can be SIGKILLed mid-write and started
 * again on the same folder. Its standard output and error are appended to
 * {@code <station>.run.out} and {@code <station>.run.err} next to the station folder, each
 * start marked, and kept as evidence.
 */
public final class StationProcess implements AutoCloseable {
    private final StationId id;
    private final StationLayout layout;
    private final Path out;
    private final Path err;
    private final StationHttp http;
    private final String classPath;
    private Process process;
    private int starts;

    public StationProcess(StationId id, StationLayout layout, String classPath) {
        this.id = id;
        this.layout = layout;
        this.classPath = classPath;
        Path parent = layout.dir().getParent();
        this.out = parent.resolve(id + ".run.out");
        this.err = parent.resolve(id + ".run.err");
        this.http = new StationHttp(layout);
    }

    public StationId id() {
        return id;
    }

    public StationLayout layout() {
        return layout;
    }

    public StationHttp http() {
        return http;
    }

    public List<Path> outputFiles() {
        return List.of(out, err);
    }

    /**
     * What this station logged, over all its runs, that should never happen between two
     * honest stations however bad the network: errors, and entries from the peer refused.
     */
    public List<String> alarms() {
        try (Stream<String> lines = Files.lines(err, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.matches("\\S+ ERROR .*") || l.contains("refused entry")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + err, e);
        }
    }

    /** How many times this station has been started. */
    public synchronized int starts() {
        return starts;
    }

    public synchronized void start() {
        start(List.of("org.macm.station.cli.Macm", "run", "--dir", layout.dir().toString()));
    }

    /**
     * Starts {@code mainAndArgs} (a main class of the class path and its arguments) in place of
     * {@code macm run}: a test's own station main, such as {@link CrashPointStation}.
     */
    synchronized void start(List<String> mainAndArgs) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(id + " is already running");
        }
        starts++;
        String marker = "==== start #" + starts + " at " + Instant.now() + " ====\n";
        append(out, marker);
        append(err, marker);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", classPath));
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().put("MACM_LOG_LEVEL", "INFO");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + id + ": " + command, e);
        }
    }

    /** SIGKILL: the station gets no chance to close anything. Returns once the process is gone. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError(id + " (pid " + process.pid() + ") survived SIGKILL for 30 s");
            }
        }
    }

    /** SIGTERM, as an operator stops a station; the station closes its links and store. */
    public synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(id + " (pid " + process.pid() + ") did not stop within 30 s of SIGTERM");
            }
        }
    }

    /** The exit code of the last run, once it has ended. */
    public synchronized int exitValue() {
        return process.exitValue();
    }

    /** The running process's id, to send it a signal ({@code kill -HUP}). */
    public synchronized long pid() {
        return process.pid();
    }

    /** The lines the current run printed on standard error so far. */
    public List<String> errLines() {
        try {
            List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
            String run = "==== start #" + starts() + " ";
            int from = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(run)) {
                    from = i;
                }
            }
            return lines.subList(from, lines.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + err, e);
        }
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** Each of the two stations holds the other's whole log as the other has it (false while either does not answer). */
    public static boolean caughtUp(StationProcess jp, StationProcess cn) throws InterruptedException {
        Optional<JsonNode> j = jp.http().link();
        Optional<JsonNode> c = cn.http().link();
        return j.isPresent() && c.isPresent()
                && j.get().path("ownHead").equals(c.get().path("heldPeerHead"))
                && c.get().path("ownHead").equals(j.get().path("heldPeerHead"));
    }

    /** Waits until the running station's API answers; fails if the process died or {@code limit} passed. */
    public void awaitApi(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (http.status().isEmpty()) {
            if (!alive()) {
                throw new AssertionError(id + " exited while starting; see " + err);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(id + " did not answer on its API within " + limit + "; see " + err);
            }
            Thread.sleep(25);
        }
    }

    /**
     * Waits until the current run has printed a line starting with {@code prefix} on its standard
     * output and returns that line; fails if the process died first or {@code limit} passed.
     */
    String awaitPrinted(String prefix, Duration limit) throws InterruptedException {
        String run = "==== start #" + starts() + " ";
        return Await.awaitValue("a line '" + prefix + "...' from " + id + " (see " + out + ")", limit, () -> {
            Optional<String> line = linesOfThisRun(run).filter(l -> l.startsWith(prefix)).findFirst();
            if (line.isEmpty() && !alive()) {
                throw new AssertionError(id + " exited before printing '" + prefix + "...'; see " + err);
            }
            return line;
        }, Optional::isPresent).orElseThrow();
    }

    private Stream<String> linesOfThisRun(String runMarker) {
        try {
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            int from = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(runMarker)) {
                    from = i;
                }
            }
            return lines.subList(from, lines.size()).stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + out, e);
        }
    }

    /** Kills the process if it is still running: a test never leaves a station behind. */
    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
