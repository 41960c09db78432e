package org.macm.station.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.macm.station.StationLayout;
import org.macm.station.node.StationNode;

/**
 * {@code macm run} on a PostgreSQL store: runs this process as one node of the station
 * ({@link StationNode}), standby first, active once it holds the lease, until SIGTERM or
 * SIGINT (then it stops in order, releases the lease and exits 0) or until the node ends by
 * itself ({@link StationNode#EXIT_UNSAFE}, {@link StationNode#EXIT_CANNOT_START}). SIGHUP
 * re-reads station.toml on the active node; a standby reads it when it takes over.
 */
final class NodeRun {
    private final PrintWriter out;
    private final PrintWriter err;

    NodeRun(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    int run(StationLayout layout, Clock clock) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicInteger selfEnded = new AtomicInteger(-1);
        StationNode[] node = new StationNode[1];
        Runnable requestStop = () -> {
            if (!stopping.compareAndSet(false, true)) {
                err.println("macm: already stopping; exiting within " + RunCommand.STOP_GRACE_SECONDS
                        + " s of the first signal.");
                err.flush();
            }
            stop.countDown();
        };
        boolean caught = RunCommand.catchSignals(requestStop, () -> reload(node[0]));
        node[0] = StationNode.start(layout, clock, code -> {
            selfEnded.set(code);
            stop.countDown();
        });
        StationNode n = node[0];
        Runtime.getRuntime().addShutdownHook(new Thread(n::close, "macm-shutdown"));
        out.println("Node " + n.self() + " of the station in " + layout.dir() + " started as the standby;"
                + " it becomes active when it holds the lease (macm status shows which it is).");
        out.println(caught ? "Press Ctrl-C to stop." : "Press Ctrl-C to stop (signals are not caught here: no reload).");
        out.flush();
        stop.await();
        if (selfEnded.get() >= 0) {
            err.println("macm: node " + n.self() + " ended (exit " + selfEnded.get() + "); see the log for why.");
            err.flush();
            return selfEnded.get();
        }
        RunCommand.forceExitAfterGrace(n.self(), err);
        n.close();
        out.println("Node " + n.self() + " stopped" + (n.exitCode() == 0 ? "." : " (exit " + n.exitCode() + ")."));
        out.flush();
        return n.exitCode();
    }

    private void reload(StationNode n) {
        if (n == null || n.runtime().isEmpty()) {
            RunCommand.say(out, "reload: this node is the standby; it reads station.toml when it takes over");
            return;
        }
        RunCommand.reload(n.runtime().get(), out);
    }
}
