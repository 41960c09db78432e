package org.macm.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Where the build put the artifacts, and running the host's tools (tar, dpkg-deb) on them. */
final class Dist {
    static final String VERSION = System.getProperty("macm.dist.version", "0.1.0-SNAPSHOT");
    static final Path TARGET = Path.of(System.getProperty("macm.dist.target", "target"));

    private Dist() {
    }

    static Path tarGz() {
        return TARGET.resolve("macm-" + VERSION + ".tar.gz");
    }

    static Path deb() {
        return TARGET.resolve("macm_" + VERSION.replace('-', '~') + "_amd64.deb");
    }

    static boolean ci() {
        return "true".equals(System.getenv("CI"));
    }

    /** Runs a host tool, asserting it succeeds; returns its stdout. */
    static String tool(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command[0]).isTrue();
        assertThat(p.exitValue()).as("%s exit; output: %s", String.join(" ", command), out).isZero();
        return out;
    }

    /** The tar.gz unpacked into {@code dir}; returns its top folder macm-VERSION. */
    static Path unpackTarGz(Path dir) throws IOException, InterruptedException {
        tool("tar", "-xzf", tarGz().toString(), "-C", dir.toString());
        Path home = dir.resolve("macm-" + VERSION);
        assertThat(home.resolve("bin/macm")).isExecutable();
        return home;
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":", -1)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
