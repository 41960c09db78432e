package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station whose files disagree about who it is refuses to start ('macm run', and every
 * command that opens the station), with one line naming the file that disagrees and the fix.
 * The timeout guards against a station that starts after all and would run until stopped.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StartupIdentityTest {
    @TempDir
    Path tmp;

    private Path jp;

    @BeforeEach
    void init() {
        jp = CliRun.init(tmp.resolve("jp"), "jp-mod");
    }

    /** What 'macm run' says when it refuses to start: exit 1, nothing on standard output. */
    private String refusal() {
        CliRun r = CliRun.run("run", "--dir", jp.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        return r.err();
    }

    @Test
    void run_stationTomlNamesAnotherStation_refusesNamingBothFiles() throws Exception {
        Path config = jp.resolve("station.toml");
        Files.writeString(config, Files.readString(config).replace("station = \"jp-mod\"", "station = \"jp-mof\""));
        String refusal = refusal();
        assertThat(refusal).isEqualTo("macm: " + config + " names station \"jp-mof\" but " + jp.resolve("identity.toml")
                + " is for \"jp-mod\": put station = \"jp-mod\" back in station.toml (a station cannot be renamed; "
                + "make a new one with 'macm init')\n");
        CliRun export = CliRun.run("export", "--dir", jp.toString(), "--link", "cn-mnd", "--out", tmp.resolve("o").toString());
        assertThat(export.exitCode()).isEqualTo(1);
        assertThat(export.err()).isEqualTo(refusal);
    }

    @Test
    void run_signingKeyOfAnotherStation_refusesSayingWhichKeyDisagrees() throws Exception {
        Path other = CliRun.init(tmp.resolve("other"), "jp-mod");
        Path key = jp.resolve("keys/signing.key");
        Files.writeString(key, Files.readString(other.resolve("keys/signing.key")));
        assertThat(refusal()).isEqualTo("macm: the signing key " + key + " is not the key in " + jp.resolve("identity.toml")
                + " (its public key differs): restore this station's own signing key from your backup, "
                + "or point signing-key in station.toml at it\n");
    }

    @Test
    void run_identityTomlMissing_saysToRestoreIt() throws Exception {
        Files.delete(jp.resolve("identity.toml"));
        assertThat(refusal()).isEqualTo("macm: " + jp.resolve("identity.toml") + " is missing: restore it from your backup "
                + "(it is the public identity your peers pinned; the station does not start without it)\n");
    }

    @Test
    void run_peersTableNamingAnUnpinnedPeer_isAConfigErrorNamingThePeer() throws Exception {
        Path config = jp.resolve("station.toml");
        Files.writeString(config, Files.readString(config).replace("[api]",
                "[[peers]]\nstation = \"cn-mnd\"\nendpoints = [\"127.0.0.1:1\"]\n\n[api]"));
        assertThat(refusal()).isEqualTo("macm: " + config + ": [[peers]] names cn-mnd, which is not a pinned peer: "
                + "pin its identity with 'macm peer add --dir " + jp + " FILE', or remove that [[peers]] table\n")
                .doesNotContain("INTERNAL");
    }
}
