package org.macm.station.officer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path tmp;

    @Test
    void replace_writesTheNewBytes_withMode0600_andLeavesNoTemporaryFile() throws IOException {
        Path target = tmp.resolve("officers.json");
        Files.writeString(target, "old");
        new AtomicFile().replace(target, "new".getBytes(StandardCharsets.UTF_8), "officers file");
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void writeThatFailsHalfWay_leavesThePreviousFileByteIdentical_andNoTemporaryFile() throws IOException {
        Path target = tmp.resolve("officers.json");
        byte[] before = "{\"format\":1,\"officers\":[]}\n".getBytes(StandardCharsets.UTF_8);
        Files.write(target, before);
        AtomicFile diskFull = new AtomicFile((channel, bytes) -> {
            bytes.limit(bytes.limit() / 2);
            channel.write(bytes);
            throw new IOException("No space left on device");
        });
        assertThatThrownBy(() -> diskFull.replace(target, new byte[4096], "officers file"))
                .hasMessage("cannot write officers file " + target + ": No space left on device; "
                        + "the previous version is unchanged");
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(target);
        }
    }
}
