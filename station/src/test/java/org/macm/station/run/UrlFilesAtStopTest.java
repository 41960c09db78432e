package org.macm.station.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.station.StationPair;

/**
 * A stopping station deletes {@code api.url} and {@code console.url} only while they still hold
 * its own URLs: a second run on the same folder that has written its own since keeps them.
 */
class UrlFilesAtStopTest {
    @TempDir
    Path tmp;

    @Test
    void close_deletesItsOwnUrlFiles() {
        StationPair pair = StationPair.create(tmp);
        Path dir = pair.cn().dir();
        StationRuntime cn = StationRuntime.start(pair.cn(), Clock.systemUTC(), "test");
        assertThat(dir.resolve("api.url")).exists();
        assertThat(dir.resolve("console.url")).exists();
        cn.close();
        assertThat(dir.resolve("api.url")).doesNotExist();
        assertThat(dir.resolve("console.url")).doesNotExist();
        cn.close();
    }

    @Test
    void close_keepsAUrlFileAnotherRunWrote() throws Exception {
        StationPair pair = StationPair.create(tmp);
        Path api = pair.cn().dir().resolve("api.url");
        StationRuntime cn = StationRuntime.start(pair.cn(), Clock.systemUTC(), "test");
        Files.writeString(api, "http://127.0.0.1:1\n");
        cn.close();
        assertThat(api).hasContent("http://127.0.0.1:1");
        assertThat(pair.cn().dir().resolve("console.url")).doesNotExist();
    }
}
