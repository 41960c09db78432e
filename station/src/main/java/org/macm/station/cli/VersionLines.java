package org.macm.station.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The two lines {@code macm --version} prints: MACM's version (from the build) and the Java
 * runtime's. Kept free of picocli so that {@link Main} can print them without loading the
 * command line, whose classes cannot be in the start-up cache (docs/BENCHMARKS.md, Start-up).
 */
final class VersionLines {
    private VersionLines() {
    }

    static String[] read() throws IOException {
        Properties p = new Properties();
        try (InputStream s = VersionLines.class.getResourceAsStream("/org/macm/station/version.properties")) {
            if (s != null) {
                p.load(s);
            }
        }
        return new String[] {"macm " + p.getProperty("version", "unknown"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
