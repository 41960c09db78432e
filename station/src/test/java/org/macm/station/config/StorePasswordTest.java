package org.macm.station.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store password: environment first, then an owner-only one-line file; never in a message or toString. */
class StorePasswordTest {
    private static final String SECRET = "correct horse battery";

    @TempDir
    Path tmp;

    private Path file(String text, String perms) throws Exception {
        Path f = tmp.resolve("store.password");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    @Test
    void theFile_isReadWithoutItsFinalNewline() throws Exception {
        StorePassword p = StorePassword.read(file(SECRET + "\n", "rw-------"), Map.of());
        assertThat(p.reveal()).isEqualTo(SECRET);
        assertThat(p.source()).isEqualTo("file " + tmp.resolve("store.password"));
        assertThat(p.toString()).doesNotContain(SECRET);
    }

    @Test
    void theEnvironment_winsOverTheFile() throws Exception {
        StorePassword p = StorePassword.read(file("from file", "rw-------"), Map.of(StorePassword.ENV, SECRET));
        assertThat(p.reveal()).isEqualTo(SECRET);
        assertThat(p.source()).isEqualTo("environment variable MACM_STORE_PASSWORD");
        assertThat(p.toString()).doesNotContain(SECRET);
    }

    @Test
    void theEnvironment_needsNoFile() {
        assertThat(StorePassword.read(tmp.resolve("absent"), Map.of(StorePassword.ENV, SECRET)).reveal()).isEqualTo(SECRET);
    }

    @Test
    void aFileOthersCanRead_isRefused_sayingHowToFixIt() throws Exception {
        Path f = file(SECRET, "rw-r-----");
        assertThatThrownBy(() -> StorePassword.read(f, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("store password file " + f + " is readable by other users; run: chmod 600 " + f)
                .hasMessageNotContaining(SECRET);
        Path g = file(SECRET, "rw----r--");
        assertThatThrownBy(() -> StorePassword.read(g, Map.of())).hasMessageContaining("chmod 600");
    }

    @Test
    void missingEmptyOrTwoLineFiles_areRefused_inOneLine() throws Exception {
        String hint = "write the database password into it on one line and chmod 600 it, or set MACM_STORE_PASSWORD";
        Path absent = tmp.resolve("none");
        assertThatThrownBy(() -> StorePassword.read(absent, Map.of()))
                .hasMessage("store password file " + absent + " does not exist: " + hint);
        Path empty = file("\n", "rw-------");
        assertThatThrownBy(() -> StorePassword.read(empty, Map.of()))
                .hasMessage("store password file " + empty + " is empty; " + hint);
        Path two = file(SECRET + "\nsecond\n", "rw-------");
        assertThatThrownBy(() -> StorePassword.read(two, Map.of()))
                .hasMessage("store password file " + two + " has more than one line; " + hint)
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> StorePassword.read(absent, Map.of(StorePassword.ENV, "")))
                .hasMessage("store password: MACM_STORE_PASSWORD is set but empty; set it to the database password,"
                        + " or unset it to read " + absent);
    }
}
