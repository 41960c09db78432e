package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.macm.testkit.ProcessUser;

/**
 * Failures a new user meets say what went wrong and what to do in one line, with no Java
 * class names or bare paths where the reason should be (issue 9).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlainErrorsTest {
    @TempDir
    Path tmp;

    private Path jp;

    @BeforeEach
    void init() {
        jp = CliRun.init(tmp.resolve("jp"), "jp-mod");
    }

    private CliRun run() {
        return CliRun.run("run", "--dir", jp.toString());
    }

    private static void assertOneLine(CliRun r, String expected) {
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("macm: " + expected + "\n").doesNotContain("java.").doesNotContain("Exception");
    }

    @Test
    void wrongTypeInToml_saysWhatTheKeyMustBe() throws Exception {
        Path config = jp.resolve("station.toml");
        Files.writeString(config, Files.readString(config).replace("heartbeat-misses = 3", "heartbeat-misses = \"three\""));
        assertOneLine(run(), "config file " + config + ": [link] heartbeat-misses must be a whole number, not \"three\"");
    }

    @Test
    void wrongTypeInToml_aStringWhereAListBelongs_saysToWriteAList() throws Exception {
        Path config = jp.resolve("station.toml");
        String text = Files.readString(config);
        String listen = text.lines().filter(l -> l.startsWith("listen = [")).findFirst().orElseThrow();
        Files.writeString(config, text.replace(listen, "listen = \"127.0.0.1:7701\""));
        assertOneLine(run(), "config file " + config + ": [link] listen must be a list in brackets, e.g. [\"127.0.0.1:7701\"]");
    }

    @Test
    void binaryJunkInConfig_saysItIsNotUtf8Text() throws Exception {
        Path config = jp.resolve("station.toml");
        Files.write(config, new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0x80, 0x41});
        assertOneLine(run(), "config file " + config + " is not UTF-8 text (is it a binary file?): "
                + "restore it from your backup or write it again");
    }

    @Test
    void ecKeyWhereTheSigningKeyBelongs_saysWhichKeyItIs() throws Exception {
        Path key = jp.resolve("keys/signing.key");
        Files.writeString(key, Files.readString(jp.resolve("keys/tls.key")));
        assertOneLine(run(), "key file " + key + " holds an EC (ECDSA) key, such as the TLS key, not the Ed25519 "
                + "signing key 'macm init' makes: point signing-key in station.toml at keys/signing.key, or restore that file");
    }

    @Test
    void ed25519KeyWhereTheTlsKeyBelongs_saysWhichKeyBelongsThere() throws Exception {
        Path key = jp.resolve("keys/tls.key");
        Files.writeString(key, Files.readString(jp.resolve("keys/signing.key")));
        assertOneLine(run(), "key file " + key + " does not hold the EC P-256 TLS key 'macm init' makes: "
                + "point tls-key in station.toml at keys/tls.key, or restore that file");
    }

    /** Root reads every file, so this runs only as another user; FileProblemTest checks the text either way. */
    @Test
    void unreadableKeyFile_saysPermissionDenied_andTheFix() throws Exception {
        assumeFalse(ProcessUser.isRoot(),
                "SKIPPED LOUDLY: running as root, which reads a mode-000 file; see FileProblemTest for the text");
        Path key = jp.resolve("keys/signing.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("---------"));
        assertOneLine(run(), "key file " + key + " cannot be read: permission denied; run macm as the user who owns the "
                + "station folder, or as that user run 'chmod u+r " + key + "'");
    }

    @Test
    void init_dirIsAFile_saysSo() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        CliRun r = CliRun.run("init", "--station", "cn-mnd", "--dir", file.toString());
        assertOneLine(r, "cannot create station folder " + file + ": " + file
                + " exists and is a file, not a folder; choose another --dir");
    }

    @Test
    void init_dirBelowAFile_saysPartOfThePathIsAFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        Path dir = file.resolve("sub/cn");
        CliRun r = CliRun.run("init", "--station", "cn-mnd", "--dir", dir.toString());
        assertOneLine(r, "cannot create station folder " + dir + ": part of that path is a file, not a folder ("
                + file.resolve("sub") + "); choose another --dir");
    }

    @Test
    void status_onAFolderThatDoesNotExist_saysSo_notThatItWasNotStarted() {
        Path none = tmp.resolve("nowhere");
        assertOneLine(CliRun.run("status", "--dir", none.toString()), "station folder " + none
                + " does not exist: check --dir (or MACM_DIR), or create a station there with 'macm init --station NAME --dir "
                + none + "'");
    }

    @Test
    void status_onAFolderThatIsNoStation_saysSo() throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertOneLine(CliRun.run("status", "--dir", empty.toString()), empty
                + " is not a station folder (it has no station.toml): check --dir (or MACM_DIR)");
    }

    @Test
    void status_onAStationNeverStarted_saysToRunIt() {
        assertOneLine(CliRun.run("status", "--dir", jp.toString()), "station " + jp
                + " is not running (never started, or stopped): start it with 'macm run --dir " + jp + "'");
    }
}
