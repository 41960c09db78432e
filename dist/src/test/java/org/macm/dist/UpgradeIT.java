package org.macm.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrade: two station folders written by the previous version (0.1.0-SNAPSHOT on main at
 * 1756c1e, after an exchange of signed entries) run under the packaged macm, and their logs
 * export and verify: the new package reads an old station folder unchanged.
 */
class UpgradeIT {
    @TempDir
    Path tmp;

    @Test
    void aStationFolderFromThePreviousVersionRunsExportsAndVerifies() throws Exception {
        Path stations = copyFixture(tmp.resolve("stations"));
        Path jp = stations.resolve("jp-mod");
        Path cn = stations.resolve("cn-mnd");
        PackagedMacm macm = PackagedMacm.at(Dist.unpackTarGz(tmp).resolve("bin/macm"), tmp);

        assertThat(macm.runThenStatus(jp)).contains("Station jp-mod");

        Path jpLog = tmp.resolve("jp.jsonl");
        Path cnLog = tmp.resolve("cn.jsonl");
        macm.ok("export", "--dir", jp.toString(), "--link", "cn-mnd", "--out", jpLog.toString());
        macm.ok("export", "--dir", cn.toString(), "--link", "jp-mod", "--out", cnLog.toString());
        String verified = macm.ok("verify", jpLog.toString(), cnLog.toString(),
                "--key", jp.resolve("identity.toml").toString(), "--key", cn.resolve("identity.toml").toString());

        assertThat(verified).contains("8 entries").contains("VERIFIED");
    }

    /** The committed folders, with the key files' mode 0600 that a checkout does not keep. */
    private static Path copyFixture(Path to) throws IOException, URISyntaxException {
        Path from = Path.of(Objects.requireNonNull(UpgradeIT.class.getResource("/upgrade/0.1.0-SNAPSHOT")).toURI());
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
        try (var files = Files.walk(to)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (p.getParent().getFileName().toString().equals("keys") || p.getFileName().toString().equals("api.token")
                        || p.getFileName().toString().equals("officers.json")) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
                }
            }
        }
        return to;
    }
}
