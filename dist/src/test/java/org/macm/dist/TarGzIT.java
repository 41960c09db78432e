package org.macm.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tar.gz, unpacked on a host with no Java: its launcher runs the bundled runtime only, a
 * new station is made, runs and answers {@code macm status}; the man page, completion and
 * unit are in it; a damaged runtime is one clear line, not a Java from elsewhere.
 */
class TarGzIT {
    @TempDir
    Path tmp;

    @Test
    void versionInitRunStatusWithTheBundledRuntimeOnly() throws Exception {
        Path home = Dist.unpackTarGz(tmp);
        PackagedMacm macm = PackagedMacm.at(home.resolve("bin/macm"), tmp);

        PackagedMacm.Result version = macm.run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).contains("macm " + Dist.VERSION);
        assertThat(version.err()).as("no warnings from the JVM or the AOT cache").isEmpty();
        assertThat(macm.classesFromTheAotCache()).as("classes from the AOT cache, unpacked elsewhere")
                .isGreaterThan(1000);

        Path station = tmp.resolve("jp");
        macm.ok("init", "--station", "jp-mod", "--dir", station.toString());
        assertThat(station.resolve("station.toml")).exists();

        assertThat(macm.runThenStatus(station)).contains("Station jp-mod");
    }

    @Test
    void shipsManPagesCompletionAndTheUnit() throws Exception {
        Path home = Dist.unpackTarGz(tmp);
        assertThat(home.resolve("share/systemd/macm@.service")).content().contains("ExecStart=/usr/bin/macm run");
        assertThat(home.resolve("share/bash-completion/completions/macm")).content()
                .contains("complete -F").contains("status").contains("init");
        if (Dist.onPath("asciidoctor") || Dist.ci()) {
            assertThat(home.resolve("share/man/man1/macm.1.gz")).exists();
            assertThat(home.resolve("share/man/man1/macm-run.1.gz")).exists();
        }
        assertThat(home.resolve("lib/macm.aot")).as("the AOT cache made at package time").exists();
    }

    @Test
    void buildingThePackageLeavesDevNullADevice() throws Exception {
        // The build runs as root on CI and on build hosts: a probe that wrote an AOT cache to
        // /dev/null once replaced the device with a regular file, breaking every later program.
        assertThat(Files.readAttributes(Path.of("/dev/null"), java.nio.file.attribute.BasicFileAttributes.class)
                .isOther()).as("/dev/null is still a device after the package build").isTrue();
    }

    @Test
    void aBrokenRuntimeIsOneClearLine() throws Exception {
        Path home = Dist.unpackTarGz(tmp);
        Files.delete(home.resolve("runtime/lib/modules"));

        PackagedMacm.Result r = PackagedMacm.at(home.resolve("bin/macm"), tmp).run("--version");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("macm: the bundled Java runtime is missing or incomplete")
                .contains("reinstall macm").doesNotContain("\n");
    }

    @Test
    void javaOptionsReachTheJvmAndMacmJavaOptsWins() throws Exception {
        Path home = Dist.unpackTarGz(tmp);
        PackagedMacm macm = PackagedMacm.at(home.resolve("bin/macm"), tmp);

        // An option the JVM refuses shows it was passed on.
        PackagedMacm.Result javaOpts = macm.withEnv("JAVA_OPTS", "-XX:NoSuchOptionA").run("--version");
        assertThat(javaOpts.exit()).isNotZero();
        assertThat(javaOpts.err()).contains("NoSuchOptionA");
        PackagedMacm.Result macmOpts = macm.withEnv("MACM_JAVA_OPTS", "-XX:NoSuchOptionB").run("--version");
        assertThat(macmOpts.exit()).isNotZero();
        assertThat(macmOpts.err()).contains("NoSuchOptionB");
        // Both set: MACM_JAVA_OPTS comes last, so its system property is the one the JVM keeps.
        PackagedMacm.Result both = macm.withEnv("JAVA_OPTS", "-Dmacm.x=1 -XshowSettings:properties",
                "MACM_JAVA_OPTS", "-Dmacm.x=2").run("--version");
        assertThat(both.exit()).isZero();
        assertThat(both.err()).contains("macm.x = 2").doesNotContain("macm.x = 1");
    }
}
