package org.macm.station.node;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serial;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.macm.core.MacmException;
import org.macm.core.log.EntryCodec;
import org.macm.core.log.StationId;
import org.macm.station.StationException;
import org.macm.station.StationLayout;
import org.macm.station.StoreFactory;
import org.macm.station.api.ApiToken;
import org.macm.station.api.NodeStatus;
import org.macm.station.config.ConfigFile;
import org.macm.station.config.StationConfig;
import org.macm.station.config.StoreConfig;
import org.macm.station.run.StationRuntime;
import org.macm.store.Fence;
import org.macm.store.LeaseView;
import org.macm.store.PostgresLogStore;
import org.macm.store.PostgresSettings;
import org.macm.store.StationLease;
import org.macm.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of a station whose store is PostgreSQL: what {@code macm run} does then. It starts
 * as the standby (read-only status on the API address, see {@link StandbySite}) and looks at
 * the lease every {@link #poll}; once it takes the lease it opens the station with the store
 * fenced at the lease's epoch and starts everything as a single station does
 * ({@link StationRuntime}); a {@link LeaseRenewer} renews the lease every fifth of it on a thread
 * of its own from the takeover on.
 *
 * <p>It steps down at once when the lease is lost: a renewal refused (another epoch holds
 * it), the store deposed, or no renewal through for the lease less one renewal period. The
 * runtime is stopped in order (listeners, scheduler, links, store: nothing is sent or
 * committed after), and the node goes back to standby: everything the runtime held in memory
 * is dropped with it, and a later takeover opens the station afresh from the database, so
 * nothing of the old epoch carries over. Only when that ordered stop does not finish within
 * {@link #STOP_GRACE} is going back unsafe (parts of the old runtime may still be running):
 * then the node ends with {@link #EXIT_UNSAFE} for its service manager to restart it.
 *
 * <p>A clean stop ({@link #close}) stops the runtime and releases the lease, so the standby
 * takes over at its next look instead of after the lease time. Every change of role is
 * logged as a WARN with {@code event=node.role}, {@code role}, {@code holder}, {@code epoch}
 * and {@code reason}.
 */
public final class StationNode implements AutoCloseable {
    /** Exit code when the node cannot go back to standby safely (EX_TEMPFAIL: restart me). */
    public static final int EXIT_UNSAFE = 75;
    /** Exit code when the node cannot run as the active node at all (a config or key problem). */
    public static final int EXIT_CANNOT_START = 1;
    /** How long an ordered stop of the active parts may take. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(StationNode.class);
    /** How often the active node looks whether its store was deposed (the renewer reports a lost lease at once). */
    private static final Duration DEPOSED_CHECK = Duration.ofMillis(200);

    private final StationLayout layout;
    private final Clock clock;
    private final StationId station;
    private final StoreConfig.Postgres store;
    private final PostgresSettings settings;
    private final String self;
    private final Duration poll;
    private final IntConsumer ended;
    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private final StandbyServer standby;

    private volatile boolean stopping;
    private volatile NodeRole role = NodeRole.STANDBY;
    private volatile Optional<LeaseView> lastLease = Optional.empty();
    private volatile StationRuntime runtime;
    private volatile Fence fence;
    private volatile int exitCode;
    // Owned by the node thread.
    private StationLease lease;
    private LeaseRenewer renewer;
    private boolean prepared;
    private boolean saidUnreachable;

    private StationNode(StationLayout layout, Clock clock, StationConfig config, IntConsumer ended) {
        this.layout = layout;
        this.clock = clock;
        this.station = config.station();
        this.store = (StoreConfig.Postgres) config.store();
        this.settings = store.settings();
        this.self = store.holder();
        this.poll = min(Duration.ofSeconds(1), store.lease().dividedBy(StationLease.RENEWALS_PER_LEASE));
        this.ended = ended;
        this.standby = new StandbyServer(layout, ApiToken.loadOrCreate(layout.dir().resolve("api.token"), new SecureRandom()),
                this::standbyStatus, this::activeHolder);
        this.thread = new Thread(this::loop, "macm-node");
    }

    /**
     * Starts the node of the station in {@code layout}, whose config names a PostgreSQL store,
     * as the standby. The password is read now (a missing or open password file stops here, in
     * one line). {@code ended} hears the exit code if the node ends by itself (unsafe step-down,
     * cannot start); a {@link #close} does not call it.
     */
    public static StationNode start(StationLayout layout, Clock clock, IntConsumer ended) {
        StationConfig config = new ConfigFile().read(layout.config());
        if (!(config.store() instanceof StoreConfig.Postgres)) {
            throw new StationException("station " + config.station() + " keeps its logs in SQLite: run it as a single"
                    + " station; active/standby needs [store] url = \"postgresql://...\"");
        }
        StationNode node = new StationNode(layout, clock, config, ended);
        node.thread.start();
        return node;
    }

    /** This node's role now. */
    public NodeRole role() {
        return role;
    }

    /** This node's lease holder name, {@code NODE/PID}. */
    public String self() {
        return self;
    }

    /** The running station while this node is active. */
    public Optional<StationRuntime> runtime() {
        return Optional.ofNullable(runtime);
    }

    /** The epoch this node writes under while active. */
    public Optional<Fence> fence() {
        return Optional.ofNullable(fence);
    }

    /** What the status shows about this node. */
    public NodeStatus status() {
        return new NodeStatus(role.word(), self, lastLease);
    }

    /** The API URL the standby serves on, while it does (as written to api.url). */
    public Optional<String> standbyUrl() {
        return standby.url();
    }

    private void loop() {
        try {
            say(NodeRole.STANDBY, self, 0, "started; waiting for the lease");
            while (!stopping) {
                if (role == NodeRole.STANDBY) {
                    standbyRound();
                } else {
                    activeRound();
                }
            }
        } catch (InterruptedException e) {
            // close(): fall through to the ordered stop below
        } catch (NodeEnd e) {
            LOG.error(e.getMessage());
            exitCode = e.code;
        } catch (RuntimeException e) {
            LOG.error("node {} failed", self, e);
            exitCode = EXIT_UNSAFE;
        } finally {
            finish();
        }
    }

    private void standbyRound() throws InterruptedException {
        Optional<Fence> taken = Optional.empty();
        if (connected()) {
            StationLease l = lease;
            synchronized (l) {
                taken = l.tryAcquire();
            }
            readLease();
        }
        if (taken.isPresent() && !stopping) {
            becomeActive(taken.get());
        } else {
            // After the first look at the lease, so the status shows its holder from the first answer on.
            serveStandby();
            sleep(poll);
        }
    }

    /** Prepares the database (migrations) once and opens the lease; false while the database is unreachable. */
    private boolean connected() {
        try {
            if (!prepared) {
                PostgresLogStore.prepare(settings);
                prepared = true;
            }
            if (lease == null) {
                lease = StationLease.open(settings, station, self, store.lease());
            }
            if (saidUnreachable) {
                LOG.warn("node {}: the store at {} answers again", self, settings.where());
                saidUnreachable = false;
            }
            return true;
        } catch (StoreException e) {
            if (!saidUnreachable) {
                LOG.warn("node {}: cannot reach the store ({}); standing by and trying every {} ms", self, e.getMessage(),
                        poll.toMillis());
                saidUnreachable = true;
            }
            return false;
        }
    }

    private void becomeActive(Fence f) {
        closeStandby();
        fence = f;
        renewer = new LeaseRenewer(lease, f, store.lease(), v -> lastLease = v);
        long started = System.nanoTime();
        try {
            runtime = StationRuntime.start(layout, clock, StoreFactory.fenced(Optional.of(f)), () -> Optional.of(status()));
        } catch (StoreException e) {
            // The database went away while starting, or a newer epoch already holds the lease: stand by again.
            stepDown("took the lease (epoch " + f.epoch() + ") but could not start on the store: " + e.getMessage());
            return;
        } catch (MacmException e) {
            stepDown("took the lease (epoch " + f.epoch() + ") but could not start: " + e.getMessage());
            throw new NodeEnd(EXIT_CANNOT_START, "node " + self + " cannot run the station: " + e.getMessage());
        }
        // Active only once everything runs: the role in the status and the logs means "serving".
        role = NodeRole.ACTIVE;
        readLease();
        say(NodeRole.ACTIVE, self, f.epoch(), "took the lease; station started in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        LOG.info("node {} active: API on {}, console on {}, link on {}", self, runtime.apiUrl(), runtime.consoleUrl(),
                runtime.linkPorts());
    }

    /** Waits for the renewer to report a loss, and checks a few times a second whether the store was deposed. */
    private void activeRound() throws InterruptedException {
        Optional<String> loss = renewer.awaitLoss(DEPOSED_CHECK);
        if (stopping) {
            return;
        }
        if (loss.isPresent()) {
            stepDown(loss.get());
            return;
        }
        StationRuntime r = runtime;
        if (r != null && r.station().store() instanceof PostgresLogStore pg && pg.deposed()) {
            stepDown("the store refused a commit: a newer epoch holds the lease");
        }
    }

    /**
     * Stops the active parts in order and goes back to standby; ends the node with
     * {@link #EXIT_UNSAFE} if the stop does not finish within {@link #STOP_GRACE}.
     */
    private void stepDown(String reason) {
        Fence f = fence;
        role = NodeRole.STANDBY;
        say(NodeRole.STANDBY, self, f == null ? 0 : f.epoch(), reason);
        stopRenewing();
        if (!stopRuntime()) {
            throw new NodeEnd(EXIT_UNSAFE, "node " + self + " could not stop its station within " + STOP_GRACE.toSeconds()
                    + " s after losing the lease; exiting (code " + EXIT_UNSAFE + ") so that nothing of epoch "
                    + (f == null ? 0 : f.epoch()) + " keeps running; the service manager restarts it as a standby");
        }
        if (f != null && lease != null) {
            StationLease l = lease;
            synchronized (l) {
                l.release(f); // no-op on the row unless still ours; drops the advisory lock
            }
        }
        fence = null;
    }

    private void stopRenewing() {
        if (renewer != null) {
            renewer.close();
            renewer = null;
        }
    }

    /** Closes the runtime, waiting at most {@link #STOP_GRACE}; true when it is closed. */
    private boolean stopRuntime() {
        StationRuntime r = runtime;
        runtime = null;
        if (r == null) {
            return true;
        }
        Thread closer = new Thread(r::close, "macm-node-stop");
        closer.start();
        try {
            closer.join(STOP_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !closer.isAlive();
    }

    private void finish() {
        // The interrupt that woke the loop for close() has done its job; the ordered stop below waits on joins.
        boolean interrupted = Thread.interrupted();
        try {
            Fence f = fence;
            if (f != null || runtime != null) {
                role = NodeRole.STANDBY;
                stopRenewing();
                boolean closed = stopRuntime();
                if (f != null && lease != null && closed) {
                    StationLease l = lease;
                    synchronized (l) {
                        l.release(f);
                    }
                    say(NodeRole.STANDBY, self, f.epoch(), "stopping: lease released");
                }
            }
            closeStandby();
            if (lease != null) {
                lease.close();
            }
        } finally {
            done.countDown();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (!stopping) {
                ended.accept(exitCode);
            }
        }
    }

    private void readLease() {
        try {
            if (lease != null) {
                StationLease l = lease;
                synchronized (l) {
                    lastLease = l.read();
                }
            }
        } catch (StoreException e) {
            // Shown as last read; the next round tries again.
        }
    }

    private void serveStandby() {
        if (standby.url().isPresent()) {
            return;
        }
        try {
            standby.open();
        } catch (StationException e) {
            // A port taken or a config broken since the start: nothing this node can wait out.
            throw new NodeEnd(EXIT_CANNOT_START, "node " + self + " cannot serve its standby status: " + e.getMessage());
        }
        LOG.info("node {} standing by: read-only status on {}", self, standby.url().orElseThrow());
    }

    private void closeStandby() {
        standby.close();
    }

    private ObjectNode standbyStatus() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("station", station.value());
        root.put("time", EntryCodec.formatTime(clock.instant()));
        root.set("node", status().json());
        root.putArray("links");
        root.putArray("escalations");
        return root;
    }

    private String activeHolder() {
        return lastLease.map(l -> l.holder() + " (epoch " + l.epoch() + ", lease until " + l.expiresAt() + ")")
                .orElse("not known yet");
    }

    private void say(NodeRole r, String holder, long epoch, String reason) {
        LOG.atWarn().addKeyValue("event", "node.role").addKeyValue("role", r.word()).addKeyValue("holder", holder)
                .addKeyValue("epoch", epoch).addKeyValue("reason", reason)
                .log("node {} of station {} is {} (epoch {}): {}", self, station, r.word(), epoch, reason);
    }

    private void sleep(Duration d) throws InterruptedException {
        if (!stopping) {
            TimeUnit.MILLISECONDS.sleep(d.toMillis());
        }
    }

    /**
     * Stops the node: an active node stops its station in order and releases the lease (the
     * standby takes over at its next look), a standby stops serving; {@link #exitCode} then
     * says how it ended. Waits at most {@link #STOP_GRACE} plus a little; safe to call twice.
     */
    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            done.await(STOP_GRACE.toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exit code for {@code macm run} once the node has ended: 0 after a clean stop. */
    public int exitCode() {
        return exitCode;
    }

    /** Waits until the node has ended (by {@link #close} or by itself). */
    public void awaitEnd() throws InterruptedException {
        done.await();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Ends the node's loop with an exit code and the line that says why. */
    private static final class NodeEnd extends StationException {
        @Serial
        private static final long serialVersionUID = 1L;
        private final int code;

        NodeEnd(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    @Override
    public String toString() {
        return "StationNode[" + self + ", " + role.word() + "]";
    }
}
