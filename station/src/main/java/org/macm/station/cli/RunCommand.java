package org.macm.station.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.macm.station.config.ConfigFile;
import org.macm.station.logging.LogSetup;
import org.macm.station.run.StationRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code macm run}: runs a station until it is stopped (Ctrl-C or SIGTERM). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a station: its links to the pinned peers, link tests, escalation and the local API.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private Macm macm;

    @Spec
    private CommandSpec spec;

    @Mixin
    private StationDirOption dir;

    @Override
    public Integer call() throws InterruptedException {
        // The log file comes from station.toml; it is set up before the station starts, so the
        // file holds everything from the first line on (a bad [log] value stops here, in one line).
        LogSetup.forThisProcess().apply(macm.logSettings().withFile(new ConfigFile().read(dir.layout().config()).log()));
        StationRuntime runtime = StationRuntime.start(dir.layout(), macm.clock());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Station " + runtime.station().id() + " is running.");
        out.println("  link listening on ports " + runtime.linkPorts());
        out.println("  local API on " + runtime.apiUrl());
        out.println("  console on " + runtime.consoleUrl() + "  (officer accounts: macm officer add --dir DIR ...)");
        out.println("Press Ctrl-C to stop.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }, "macm-shutdown"));
        stopped.await();
        return 0;
    }
}
