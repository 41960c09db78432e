package org.macm.station.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code macm} program's entry point. Exactly {@code macm --version} (or {@code -V}) is
 * answered here, before any class that names picocli is loaded: verifying {@link Macm} alone
 * loads picocli and every subcommand class, which is most of a bare version check's time.
 * Everything else goes to {@link Macm#main}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            try {
                for (String line : VersionLines.read()) {
                    out.println(line);
                }
                out.flush();
                // Returns rather than System.exit(0): exit looks up a System.Logger (JDK 21+ logs
                // Runtime.exit), which scans every jar on the class path, ~20 ms of a ~60 ms run.
                return;
            } catch (IOException e) {
                System.err.println("macm: cannot read the version: " + e.getMessage());
                System.exit(1);
            }
        }
        Macm.main(args);
    }
}
