package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitAndPeerCommandTest {
    @TempDir
    Path tmp;

    private Path init(String name) {
        return CliRun.init(tmp.resolve(name), name);
    }

    @Test
    void help_listsEverySubcommand_andVersionPrintsIt() {
        CliRun help = CliRun.run("--help");
        assertThat(help.exitCode()).isZero();
        for (String sub : new String[] {"init", "peer", "export", "verify", "demo"}) {
            assertThat(help.out()).containsPattern("(?m)^  " + sub + " ");
        }
        CliRun version = CliRun.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("macm ");
    }

    @Test
    void unknownCommand_exitsWithUsageCode2() {
        CliRun r = CliRun.run("frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void init_createsPrivateKeysOwnerOnly_andPrintsAReadableFingerprint() throws Exception {
        Path dir = tmp.resolve("jp");
        CliRun r = CliRun.run("init", "--station", "jp-mod", "--dir", dir.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("\\n  [0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}\\n");
        for (String key : new String[] {"keys/signing.key", "keys/tls.key"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(key))))
                    .as(key).isEqualTo("rw-------");
            assertThat(Files.readString(dir.resolve(key))).startsWith("-----BEGIN PRIVATE KEY-----");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys")))).isEqualTo("rwx------");
        assertThat(Files.readString(dir.resolve("identity.toml"))).contains("station = \"jp-mod\"")
                .doesNotContain("PRIVATE");
    }

    @Test
    void init_twice_refusesToOverwriteTheIdentity() throws Exception {
        Path dir = init("jp-mod");
        String key = Files.readString(dir.resolve("keys/signing.key"));
        CliRun again = CliRun.run("init", "--station", "jp-mod", "--dir", dir.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.errorLine()).startsWith("macm: ").contains("already holds a station")
                .contains("refusing to overwrite its identity");
        assertThat(Files.readString(dir.resolve("keys/signing.key"))).isEqualTo(key);
    }

    @Test
    void init_invalidStationName_saysWhatIsAllowed() {
        CliRun r = CliRun.run("init", "--station", "JP MOD", "--dir", tmp.resolve("x").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorLine()).isEqualTo("macm: 'JP MOD' is not a valid station name: use 2-32 lower-case letters, "
                + "digits and dashes, starting with a letter (e.g. jp-mod)");
    }

    @Test
    void peerAdd_confirmed_pinsThePeer_andListShowsIt() {
        Path jp = init("jp-mod");
        Path cn = init("cn-mnd");
        CliRun add = CliRun.withInput("y\n", "peer", "add", "--dir", jp.toString(), cn.resolve("identity.toml").toString());
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("Peer station: cn-mnd").contains("Fingerprint:  ")
                .contains("Does the peer's operator read the same fingerprint? [y/N]").contains("Pinned cn-mnd.");
        assertThat(jp.resolve("peers/cn-mnd.toml")).exists();
        CliRun list = CliRun.run("peer", "list", "--dir", jp.toString());
        assertThat(list.out()).startsWith("cn-mnd  ");
    }

    @Test
    void peerAdd_notConfirmed_pinsNothing() {
        Path jp = init("jp-mod");
        Path cn = init("cn-mnd");
        CliRun add = CliRun.withInput("n\n", "peer", "add", "--dir", jp.toString(), cn.resolve("identity.toml").toString());
        assertThat(add.exitCode()).isEqualTo(1);
        assertThat(add.errorLine()).isEqualTo("macm: not pinned: the fingerprint was not confirmed");
        assertThat(jp.resolve("peers/cn-mnd.toml")).doesNotExist();
    }

    @Test
    void peerAdd_alteredIdentityFile_isRefused() throws Exception {
        Path jp = init("jp-mod");
        Path cn = init("cn-mnd");
        Path other = init("cn-mnd-2");
        // Graft another station's signing key into cn-mnd's identity file: the stated fingerprint no longer fits.
        String cnText = Files.readString(cn.resolve("identity.toml"));
        String otherKey = Files.readString(other.resolve("identity.toml")).lines()
                .filter(l -> l.startsWith("signing-key")).findFirst().orElseThrow();
        String cnKey = cnText.lines().filter(l -> l.startsWith("signing-key")).findFirst().orElseThrow();
        Path forged = tmp.resolve("forged.toml");
        Files.writeString(forged, cnText.replace(cnKey, otherKey));
        CliRun add = CliRun.run("peer", "add", "--yes", "--dir", jp.toString(), forged.toString());
        assertThat(add.exitCode()).isEqualTo(1);
        assertThat(add.errorLine()).contains("the file was altered; ask the peer for a fresh copy");
        assertThat(jp.resolve("peers/cn-mnd.toml")).doesNotExist();
    }

    @Test
    void peerAdd_differentKeysUnderAPinnedName_isRefused() throws Exception {
        Path jp = init("jp-mod");
        Path cn = init("cn-mnd");
        Path impostor = tmp.resolve("impostor");
        assertThat(CliRun.run("init", "--station", "cn-mnd", "--dir", impostor.toString()).exitCode()).isZero();
        assertThat(CliRun.run("peer", "add", "--yes", "--dir", jp.toString(), cn.resolve("identity.toml").toString())
                .exitCode()).isZero();
        String pinned = Files.readString(jp.resolve("peers/cn-mnd.toml"));
        CliRun add = CliRun.run("peer", "add", "--yes", "--dir", jp.toString(), impostor.resolve("identity.toml").toString());
        assertThat(add.exitCode()).isEqualTo(1);
        assertThat(add.errorLine()).contains("peer cn-mnd is already pinned with fingerprint");
        assertThat(Files.readString(jp.resolve("peers/cn-mnd.toml"))).isEqualTo(pinned);
    }

    @Test
    void peerAdd_ownIdentity_isRefused() {
        Path jp = init("jp-mod");
        CliRun add = CliRun.run("peer", "add", "--yes", "--dir", jp.toString(), jp.resolve("identity.toml").toString());
        assertThat(add.exitCode()).isEqualTo(1);
        assertThat(add.errorLine()).contains("that is this station's own identity");
    }
}
