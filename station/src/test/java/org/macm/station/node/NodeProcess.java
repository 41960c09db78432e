package org.macm.station.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.macm.station.StationLayout;

/**
 * One node as a real process, {@code macm run --dir DIR} in a child JVM on this test's class
 * path, so it can be SIGKILLed or SIGTERMed like a node on a server. Its output goes to
 * {@code NAME.out} / {@code NAME.err} beside the folder (appended over restarts, kept as
 * evidence). Public for the failover tests.
 */
public final class NodeProcess implements AutoCloseable {
    private final StationLayout layout;
    private final Path out;
    private final Path err;
    private final NodeHttp http;
    private Process process;

    public NodeProcess(StationLayout layout) {
        this.layout = layout;
        Path dir = layout.dir();
        this.out = dir.resolveSibling(dir.getFileName() + ".out");
        this.err = dir.resolveSibling(dir.getFileName() + ".err");
        this.http = new NodeHttp(layout);
    }

    public StationLayout layout() {
        return layout;
    }

    public NodeHttp http() {
        return http;
    }

    /** Starts {@code macm run}; the node comes up as the standby. */
    public synchronized NodeProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(layout.dir() + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "org.macm.station.cli.Macm", "run", "--dir",
                layout.dir().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().remove("MACM_STORE_PASSWORD"); // the node reads its password file
        builder.environment().put("MACM_LOG_LEVEL", "INFO");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        return this;
    }

    /** SIGKILL: nothing is closed, nothing released. Returns once the process is gone. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError(layout.dir() + " survived SIGKILL for 30 s");
            }
        }
    }

    /** SIGTERM, as systemd stops it; returns the exit code. */
    public synchronized int stop() throws InterruptedException {
        if (process == null) {
            return 0;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(layout.dir() + " did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process.pid();
    }

    /** The node's {@code event=node.role} lines so far, over all its runs. */
    public List<String> roleEvents() {
        return errLines().stream().filter(l -> l.contains("node.role")).toList();
    }

    /** Everything it printed on standard error so far. */
    public List<String> errLines() {
        try {
            return Files.exists(err) ? Files.readAllLines(err, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills it if it still runs: a test that failed halfway leaves no process behind. */
    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
