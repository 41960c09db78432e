package org.macm.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** A tmpfs that cannot be mounted never passes quietly: a loud skip here, a failure on CI. */
class TmpfsTest {
    @TempDir
    Path tmp;

    @Test
    void mountThatFails_skipsSayingWhy_orFailsWhenCiIsTrue() {
        // A size mount refuses, for root too: the same path as a mount without root.
        if ("true".equals(System.getenv("CI"))) {
            assertThatThrownBy(() -> Tmpfs.mount(tmp.resolve("disk"), "no-such-size"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("mounting a no-such-size tmpfs on " + tmp.resolve("disk") + " failed (")
                    .hasMessageEndingWith("it needs root, and CI=true runs as root: this test must not be skipped here");
        } else {
            assertThatThrownBy(() -> Tmpfs.mount(tmp.resolve("disk"), "no-such-size"))
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("skipped: mounting a no-such-size tmpfs on " + tmp.resolve("disk") + " failed (")
                    .hasMessageEndingWith("it needs root (CI runs as root)");
        }
    }
}
