package org.macm.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged {@code bin/macm} run as a real process the way an operator on a host without
 * Java would: JAVA_HOME unset and a PATH holding only the few tools the launcher uses (sh,
 * readlink, dirname, ls, grep, copied there), so no java can be found except the bundled runtime.
 */
record PackagedMacm(Path launcher, Path toolDir, Map<String, String> extraEnv) {
    private static final List<String> TOOLS = List.of("sh", "readlink", "dirname", "ls", "grep");

    /** The launcher at {@code launcher}, with a PATH of symbolic links made in {@code scratch}. */
    static PackagedMacm at(Path launcher, Path scratch) throws IOException {
        Path tools = Files.createDirectories(scratch.resolve("path-without-java"));
        for (String tool : TOOLS) {
            Path copy = tools.resolve(tool);
            if (!Files.exists(copy)) {
                // Copies, not links: JUnit warns about links out of a temporary folder.
                Files.copy(which(tool), copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return new PackagedMacm(launcher, tools, Map.of());
    }

    /** The same launcher with these environment variables set (name, value, name, value...). */
    PackagedMacm withEnv(String... namesAndValues) {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            env.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new PackagedMacm(launcher, toolDir, Map.copyOf(env));
    }

    /** What a finished command printed and its exit code. */
    record Result(int exit, String out, String err) {
    }

    Result run(String... args) throws IOException, InterruptedException {
        Path errFile = Files.createTempFile(toolDir, "stderr", ".txt");
        Process p = start(errFile, args);
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("macm " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                Files.readString(errFile, StandardCharsets.UTF_8));
    }

    /** Runs the command, asserting exit 0 and nothing on stderr; returns its stdout. */
    String ok(String... args) throws IOException, InterruptedException {
        Result r = run(args);
        assertThat(r.exit()).as("exit of macm %s; stderr: %s", String.join(" ", args), r.err()).isZero();
        return r.out();
    }

    /** Starts the command; its stderr goes to {@code errFile} (a full pipe would block it). */
    Process start(Path errFile, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(errFile.toFile());
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.remove("JAVA_OPTS");
        env.remove("MACM_JAVA_OPTS");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("MACM_DIR");
        env.put("PATH", toolDir.toString());
        env.putAll(extraEnv);
        return pb.start();
    }

    /**
     * Runs {@code macm run --dir station} until it says it is running, then asks
     * {@code macm status}, then stops it with SIGTERM, as systemd would.
     */
    String runThenStatus(Path station) throws IOException, InterruptedException {
        Path errFile = Files.createTempFile(toolDir, "run-stderr", ".txt");
        Process run = start(errFile, "run", "--dir", station.toString());
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
            String line;
            boolean running = false;
            while (!running && (line = lines.readLine()) != null) {
                running = line.contains("is running");
            }
            assertThat(running).as("macm run said 'is running' (stderr: %s)",
                    Files.readString(errFile, StandardCharsets.UTF_8)).isTrue();
            return ok("status", "--dir", station.toString());
        } finally {
            run.destroy();
            if (!run.waitFor(1, TimeUnit.MINUTES)) {
                run.destroyForcibly();
            }
        }
    }

    /**
     * How many classes {@code macm --help} loads from the AOT cache made at package time
     * (0 when the JVM refused the cache, e.g. because a jar's time changed on the way). Not
     * {@code --version}: it prints without the command model and loads too few classes to tell.
     */
    long classesFromTheAotCache() throws IOException, InterruptedException {
        Result r = withEnv("MACM_JAVA_OPTS", "-Xlog:class+load=info").run("--help");
        assertThat(r.exit()).isZero();
        return r.out().lines().filter(l -> l.contains("source: shared objects file")).count();
    }

    private static Path which(String tool) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError("no " + tool + " on this machine");
    }
}
