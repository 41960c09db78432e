package org.macm.station.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Without Chromium the browser tests are skipped loudly on a developer's machine and fail under CI=true. */
class ChromiumTest {
    @TempDir
    Path tmp;

    @Test
    void missingChromium_withoutCi_skipsAndSaysSoOnTheConsole() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path absent = tmp.resolve("chromium");
        assertThatThrownBy(() -> Chromium.require(absent, tmp.resolve("chromedriver"), Optional.empty(),
                new PrintStream(out, true, StandardCharsets.UTF_8))).isInstanceOf(TestAbortedException.class);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("*** SKIPPED: the browser tests need [")
                .contains(absent.toString()).contains("apt-get install chromium chromium-driver fonts-noto-cjk")
                .contains("Under CI=true this fails");
    }

    @Test
    void missingChromedriver_underCi_failsTheTest() {
        Path absent = tmp.resolve("chromedriver");
        assertThatThrownBy(() -> Chromium.require(Chromium.BINARY, absent, Optional.of("true"), System.err))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining(absent.toString())
                .hasMessageContaining("CI=true requires every browser test to run");
    }
}
