package org.macm.station.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.macm.core.MacmException;
import org.macm.station.config.ConfigFile;
import org.macm.station.config.StationConfig;
import org.macm.station.config.StoreConfig;
import org.macm.station.logging.LogSetup;
import org.macm.station.run.ConfigReload;
import org.macm.station.run.StationRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code macm run}: runs a station until SIGTERM or SIGINT (Ctrl-C, {@code systemctl stop}), then
 * stops it in order and exits 0; SIGHUP ({@code systemctl reload}) re-reads station.toml.
 *
 * <p>The signals are caught with {@code sun.misc.Signal} ({@link SignalTrap}) rather than left
 * to a shutdown hook: a JVM that ends on SIGTERM through its hooks exits 143, which systemd counts
 * as a failure unless the unit says otherwise, and a hook cannot print after the stop nor tell a
 * reload from a stop (SIGHUP would stop the station). Here the signal only wakes the main thread,
 * which stops the station and returns 0 like any command. Where the signals cannot be caught
 * (a JVM started with -Xrs), a shutdown hook still closes the station.
 *
 * <p>With a PostgreSQL store the process is a node of an active/standby pair ({@link NodeRun}).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a station: its links to the pinned peers, link tests, escalation and the local API."
                + " SIGTERM/SIGINT stop it (exit 0), SIGHUP re-reads station.toml.")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    /** How long a stop may take before the process gives up waiting and exits 1 (the store is safe either way). */
    static final long STOP_GRACE_SECONDS = 10;

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
        StationConfig config = new ConfigFile().read(dir.layout().config());
        LogSetup.forThisProcess().apply(macm.logSettings().withFile(config.log()));
        if (config.store() instanceof StoreConfig.Postgres) {
            return new NodeRun(spec.commandLine().getOut(), spec.commandLine().getErr()).run(dir.layout(), macm.clock());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch stop = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicReference<StationRuntime> running = new AtomicReference<>();
        Runnable requestStop = () -> {
            if (!stopping.compareAndSet(false, true)) {
                err.println("macm: already stopping; exiting within " + STOP_GRACE_SECONDS + " s of the first signal.");
                err.flush();
            }
            stop.countDown();
        };
        // Caught before the start: a SIGTERM while the store opens stops the station as soon as it runs.
        boolean caught = catchSignals(requestStop, () -> reload(running.get(), out));
        StationRuntime runtime = StationRuntime.start(dir.layout(), macm.clock());
        running.set(runtime);
        String id = runtime.station().id().toString();
        // Ends the station if the JVM exits another way (System.exit elsewhere, signals not caught).
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "macm-shutdown"));
        out.println("Station " + id + " is running.");
        out.println("  link listening on ports " + runtime.linkPorts());
        out.println("  local API on " + runtime.apiUrl());
        out.println("  console on " + runtime.consoleUrl() + "  (officer accounts: macm officer add --dir DIR ...)");
        out.println(caught ? "Press Ctrl-C to stop." : "Press Ctrl-C to stop (signals are not caught here: no reload).");
        out.flush();
        stop.await();
        forceExitAfterGrace(id, err);
        runtime.close();
        out.println("Station " + id + " stopped.");
        out.flush();
        return 0;
    }

    /** Catches TERM and INT as {@code stop} and HUP as {@code reload}; false if this JVM does not let us. */
    static boolean catchSignals(Runnable stop, Runnable reload) {
        try {
            SignalTrap.on("TERM", stop);
            SignalTrap.on("INT", stop);
            SignalTrap.on("HUP", reload);
            return true;
        } catch (IllegalArgumentException e) {
            // -Xrs, or a platform without these signals: the shutdown hook stops the station (exit 143).
            LOG.warn("cannot catch signals ({}); a stop will exit 143 and SIGHUP will stop the station", e.getMessage());
            return false;
        }
    }

    /**
     * Runs on the signal's thread; the runtime swaps immutable values, so nothing here races the
     * running parts. {@code runtime} is null while the station is starting.
     */
    static void reload(StationRuntime runtime, PrintWriter out) {
        if (runtime == null) {
            say(out, "reload: the station is still starting; it reads station.toml as it starts");
            return;
        }
        ConfigReload reload;
        try {
            reload = runtime.reload();
        } catch (MacmException e) {
            LOG.warn("reload: {}; nothing changed, the station runs on as before", e.getMessage());
            return;
        }
        if (reload.changes().isEmpty()) {
            say(out, "reload: no change");
        }
        reload.changes().forEach(c -> say(out, c.line()));
    }

    static void say(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
        LOG.info(line);
    }

    /**
     * A stop that hangs (a peer that reads nothing, a disk that does not answer) must not keep a
     * service manager waiting for ever: after the grace period, say so and halt. The store's
     * durability covers a halt as it covers SIGKILL; nothing acknowledged is lost.
     */
    static void forceExitAfterGrace(String id, PrintWriter err) {
        Thread t = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(STOP_GRACE_SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            err.println("Station " + id + " did not stop within " + STOP_GRACE_SECONDS + " s; exiting now"
                    + " (the store is safe: it recovers as after a power cut).");
            err.flush();
            Runtime.getRuntime().halt(1);
        }, "macm-stop-grace");
        t.setDaemon(true);
        t.start();
    }
}
