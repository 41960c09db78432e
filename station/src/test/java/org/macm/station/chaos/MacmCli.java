package org.macm.station.chaos;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import org.macm.station.cli.Macm;

/** The {@code macm} command line run in this JVM, with what it printed and its exit code. */
record MacmCli(int exitCode, String out, String err) {
    static MacmCli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Macm.commandLine(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), Clock.systemUTC()).execute(args);
        return new MacmCli(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
