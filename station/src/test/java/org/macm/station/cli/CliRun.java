package org.macm.station.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Runs the macm command line in process and keeps what it printed, as a person would see it. */
public record CliRun(int exitCode, String out, String err) {
    public static CliRun withInput(String input, String... args) {
        return with(input, Map.of(), args);
    }

    /** Runs with {@code env} as the process environment (e.g. MACM_DIR). */
    public static CliRun withEnv(Map<String, String> env, String... args) {
        return with("", env, args);
    }

    private static CliRun with(String input, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Macm.commandLine(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), Clock.systemUTC(), env).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    public static CliRun run(String... args) {
        return withInput("", args);
    }

    /** Runs 'macm init' for {@code station} in {@code dir}, which must succeed; returns {@code dir}. */
    public static Path init(Path dir, String station) {
        CliRun r = run("init", "--station", station, "--dir", dir.toString());
        if (r.exitCode() != 0) {
            throw new AssertionError("macm init " + station + " failed: " + r.err());
        }
        return dir;
    }

    /** The error a person sees: one line. */
    public String errorLine() {
        return err.strip();
    }
}
