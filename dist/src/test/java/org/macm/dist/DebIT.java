package org.macm.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb, extracted with dpkg-deb into a scratch root (never installed on the machine that
 * builds): the files dpkg tracks (/usr/bin/macm, man page, completion, unit), the maintainer
 * scripts, Depends without any Java, the bundled runtime running a station, and the unit
 * passing {@code systemd-analyze verify} against that root. Skipped loudly where there is no
 * .deb (no dpkg-deb); under CI=true a missing .deb fails.
 */
class DebIT {
    @TempDir
    Path tmp;

    Path root;

    @BeforeEach
    void extract() throws Exception {
        boolean present = Files.exists(Dist.deb());
        if (!present && Dist.ci()) {
            throw new AssertionError("CI=true but there is no " + Dist.deb() + " (is dpkg-deb installed?)");
        }
        if (!present) {
            System.err.println("DebIT SKIPPED: no " + Dist.deb() + " (dpkg-deb missing: profile deb was off)");
        }
        assumeTrue(present, "no .deb built on this machine");
        root = Files.createDirectories(tmp.resolve("root"));
        Dist.tool("dpkg-deb", "-x", Dist.deb().toString(), root.toString());
    }

    @Test
    void dpkgTracksTheCommandManPageCompletionAndUnit() throws Exception {
        String files = Dist.tool("dpkg-deb", "--contents", Dist.deb().toString());
        assertThat(files).contains("./usr/bin/macm -> /opt/macm/bin/macm")
                .contains("./usr/share/bash-completion/completions/macm")
                .contains("./lib/systemd/system/macm@.service")
                .contains("./opt/macm/lib/runtime/bin/java")
                .contains("./opt/macm/lib/app/macm.aot");
        if (Dist.onPath("asciidoctor") || Dist.ci()) {
            assertThat(files).contains("./usr/share/man/man1/macm.1.gz");
        }
    }

    @Test
    void controlAndMaintainerScripts() throws Exception {
        Path control = tmp.resolve("DEBIAN");
        Dist.tool("dpkg-deb", "--control", Dist.deb().toString(), control.toString());
        String fields = Files.readString(control.resolve("control"));
        assertThat(fields).contains("Package: macm").contains("Architecture: amd64");
        assertThat(fields.lines().filter(l -> l.startsWith("Depends:")).findFirst().orElseThrow())
                .doesNotContainIgnoringCase("jdk").doesNotContainIgnoringCase("jre")
                .doesNotContain("libx11").doesNotContain("libasound");
        assertThat(control.resolve("postinst")).content()
                .contains("useradd --system").contains("/var/lib/macm").contains("daemon-reload");
        assertThat(control.resolve("prerm")).content().contains("systemctl stop 'macm@*.service'");
        assertThat(control.resolve("postrm")).content().doesNotContain("rm -rf /var/lib/macm");
    }

    @Test
    void theExtractedLauncherRunsAStationWithItsOwnRuntime() throws Exception {
        PackagedMacm macm = PackagedMacm.at(root.resolve("opt/macm/bin/macm"), tmp);

        PackagedMacm.Result version = macm.run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).contains("macm " + Dist.VERSION);
        assertThat(version.err()).isEmpty();
        assertThat(macm.classesFromTheAotCache()).as("classes from the AOT cache").isGreaterThan(1000);

        Path station = tmp.resolve("var/lib/macm/jp-mod");
        macm.ok("init", "--station", "jp-mod", "--dir", station.toString());
        assertThat(macm.runThenStatus(station)).contains("Station jp-mod");
    }

    @Test
    void theUnitPassesSystemdAnalyzeVerify() throws Exception {
        if (!Dist.onPath("systemd-analyze")) {
            assumeTrue(!Dist.ci(), "CI=true needs systemd-analyze");
            System.err.println("DebIT.theUnitPassesSystemdAnalyzeVerify SKIPPED: no systemd-analyze");
            assumeTrue(false);
        }
        // verify resolves ExecStart=/usr/bin/macm (a link to /opt/macm/bin/macm) inside --root, and
        // needs there what any Debian has: the system's units (sysinit.target...) and /bin/kill.
        Dist.tool("cp", "-a", "/lib/systemd/system/.", root.resolve("lib/systemd/system").toString());
        Files.createDirectories(root.resolve("bin"));
        Dist.tool("cp", "/bin/kill", root.resolve("bin/kill").toString());
        String out = Dist.tool("systemd-analyze", "verify", "--man=no", "--root=" + root,
                root.resolve("lib/systemd/system/macm@.service").toString());
        assertThat(out).doesNotContainIgnoringCase("error").doesNotContainIgnoringCase("unknown");
    }
}
