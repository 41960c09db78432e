package org.macm.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who the test JVM runs as, for the tests that behave differently under root: Chromium will
 * not start its sandbox as root, and root reads files whatever their permissions say.
 */
public final class ProcessUser {
    private ProcessUser() {
    }

    /** True when the JVM runs with user id 0. */
    public static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            // No /proc, or a file system without unix attributes (not Linux): the login name is the next best witness.
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
