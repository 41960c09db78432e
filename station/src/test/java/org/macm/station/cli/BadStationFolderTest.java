package org.macm.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged station folder gives one line that says what is wrong and what to do, and
 * leaves the store as it was.
 */
class BadStationFolderTest {
    @TempDir
    Path tmp;

    private Path jp;

    @BeforeEach
    void demo() {
        assertThat(CliRun.run("demo", "--once", "--dir", tmp.resolve("demo").toString()).exitCode()).isZero();
        jp = tmp.resolve("demo/jp-mod");
    }

    private CliRun export() {
        return CliRun.run("export", "--dir", jp.toString(), "--link", "cn-mnd", "--out", tmp.resolve("out.jsonl").toString());
    }

    private void assertStoreIntact() throws Exception {
        CliRun r = export();
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Exported ").contains(" entries of log cn-mnd~jp-mod/jp-mod");
    }

    private void assertOneLineError(CliRun r, String expected) {
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorLine()).doesNotContain("\n").startsWith("macm: ").contains(expected);
    }

    @Test
    void malformedToml_namesTheFileAndLine() throws Exception {
        Path config = jp.resolve("station.toml");
        String good = Files.readString(config);
        Files.writeString(config, good.replace("station = \"jp-mod\"", "station = \"jp-mod"));
        assertOneLineError(export(), "config file " + config + " is not valid TOML (line ");
        Files.writeString(config, good);
        assertStoreIntact();
    }

    @Test
    void unknownKey_namesItAndListsTheKnownOnes() throws Exception {
        Path config = jp.resolve("station.toml");
        String good = Files.readString(config);
        Files.writeString(config, good + "\nstore-path = \"elsewhere.db\"\n");
        assertOneLineError(export(), "config file " + config + ": unknown key 'store-path' (known keys: ");
        Files.writeString(config, good);
        assertStoreIntact();
    }

    @Test
    void missingStationKey_saysItIsRequired() throws Exception {
        Path config = jp.resolve("station.toml");
        Files.writeString(config, Files.readString(config).replace("station = \"jp-mod\"", ""));
        assertOneLineError(export(), "required key 'station' is missing");
    }

    @Test
    void wrongTypeOfValue_namesTheKey() throws Exception {
        Path config = jp.resolve("station.toml");
        Files.writeString(config, Files.readString(config).replace("heartbeat-misses = 4", "heartbeat-misses = \"many\""));
        assertOneLineError(export(), "config file " + config + ": [link] heartbeat-misses must be a whole number, not \"many\"");
    }

    @Test
    void missingConfig_saysHowToCreateAStation() {
        CliRun r = CliRun.run("export", "--dir", tmp.resolve("empty").toString(), "--link", "cn-mnd", "--out", "x");
        assertOneLineError(r, "is this a station folder? Create one with: macm init --station NAME --dir DIR");
    }

    @Test
    void missingKeyFile_saysToRestoreIt() throws Exception {
        Path key = jp.resolve("keys/signing.key");
        byte[] saved = Files.readAllBytes(key);
        Files.delete(key);
        assertOneLineError(export(), "key file " + key + " is missing: restore it from your backup");
        Files.write(key, saved);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertStoreIntact();
    }

    @Test
    void keyFileReadableByOthers_isRefusedWithTheChmodToRun() throws Exception {
        Path key = jp.resolve("keys/signing.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertOneLineError(export(), "can be read by others (mode rw-r--r--): run 'chmod 600 " + key + "'");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertStoreIntact();
    }

    @Test
    void keyFileWithGarbage_saysItIsNotAKey() throws Exception {
        Path key = jp.resolve("keys/signing.key");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertOneLineError(export(), "key file " + key + " does not hold a readable private key (PKCS#8): "
                + "restore it from your backup");
        assertThat(export().errorLine()).doesNotContain("org.bouncycastle").doesNotContain("java.");
    }

    @Test
    void corruptDatabase_saysToRestoreFromBackup() throws Exception {
        Path db = jp.resolve("store/macm.db");
        Files.deleteIfExists(jp.resolve("store/macm.db-wal"));
        Files.deleteIfExists(jp.resolve("store/macm.db-shm"));
        byte[] bytes = Files.readAllBytes(db);
        for (int i = 0; i < 100; i++) {
            bytes[i] = (byte) 0x5A;
        }
        Files.write(db, bytes);
        assertOneLineError(export(), "is corrupt or is not a MACM store");
        assertThat(export().errorLine()).contains("restore the store from a backup");
    }

    @Test
    void watchSourceWithAnUnknownFormat_namesTheKeyAndTheChoices() throws Exception {
        assertWatchRefused("""
                [[watch.sources]]
                kind = "replay"
                format = "nmea"
                file = "feed.txt"
                """, "key 'watch.sources[1].format' is 'nmea'; use ais, sbs, json, avr or beast");
    }

    @Test
    void beastOverUdp_isRefused_namingTheKindsThatWork() throws Exception {
        assertWatchRefused("""
                [[watch.sources]]
                kind = "udp"
                format = "beast"
                address = "127.0.0.1:30005"
                """, "watch.sources[1] reads Beast over UDP, where a datagram may cut a frame; "
                + "use kind = \"tcp-client\" (readsb port 30005) or \"tcp-server\"");
    }

    @Test
    void rawModeSReplay_isRefused_becauseItsFramesCarryNoDate() throws Exception {
        assertWatchRefused("""
                [[watch.sources]]
                kind = "replay"
                format = "avr"
                file = "capture.avr"
                """, "watch.sources[1] replays raw Mode S, but its frames carry no date to put on the watch's recorded "
                + "clock; serve the capture to a tcp-server source instead (e.g. nc 127.0.0.1 PORT < FILE)");
    }

    @Test
    void receiverPositionOutOfRange_isRefused_showingHowToWriteOne() throws Exception {
        assertWatchRefused("""
                receiver = "139.77, 35.68"
                """, "key 'watch.receiver' is '139.77, 35.68'; write a position as \"LAT, LON\" in degrees, "
                + "north and east positive, e.g. \"35.68, 139.77\"");
    }

    /** A valid [watch] head followed by {@code lines} is refused with {@code message}, and the store is untouched. */
    private void assertWatchRefused(String lines, String message) throws Exception {
        Path config = jp.resolve("station.toml");
        String good = Files.readString(config);
        Files.writeString(config, good + """
                [watch]
                units = "units.toml"
                side = "JP"
                other-side = "CN"
                """ + lines);
        assertOneLineError(export(), message);
        Files.writeString(config, good);
        assertStoreIntact();
    }
}
