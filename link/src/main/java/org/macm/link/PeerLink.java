package org.macm.link;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.macm.core.log.EntryHash;
import org.macm.core.log.Head;
import org.macm.core.log.StationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link to one peer: its paths, their liveness, and the signal that wakes every path's
 * sender when this station appends to the peer's log. Entries go out on every live path; the
 * peer dedups, so losing a path loses nothing and costs no failover time.
 */
final class PeerLink {
    private static final Logger LOG = LoggerFactory.getLogger(PeerLink.class);
    private final StationId peer;
    private final Clock clock;
    private final long silenceMillis;
    private final Map<String, PathRecord> paths = new ConcurrentHashMap<>();
    private final AtomicReference<Head> peerReportsHolding = new AtomicReference<>(Head.EMPTY);
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong refusedClaims = new AtomicLong();
    private final AtomicReference<ForkEvidence> fork = new AtomicReference<>();
    /** When the peer said SHUTDOWN, until a path connects again. */
    private volatile Instant peerStopped;
    private volatile boolean catalogMatches = true;
    /** The state last seen and since when; moved on at every path event and every status read. */
    private LinkState seenState = LinkState.DOWN;
    private Instant seenSince;
    private long version;
    /** Set when this station closes its links: state changes are then not logged as outages. */
    private volatile boolean stopping;

    private static final class PathRecord {
        volatile boolean connected;
        volatile Instant lastHeard;
        volatile String lastError;
    }

    PeerLink(StationId peer, Clock clock, long silenceMillis) {
        this.peer = peer;
        this.clock = clock;
        this.silenceMillis = silenceMillis;
        this.seenSince = clock.instant();
    }

    StationId peer() {
        return peer;
    }

    /** Declares a path this station dials, so it counts as down until it connects. */
    void expect(String path) {
        paths.computeIfAbsent(path, p -> new PathRecord());
    }

    /** A path's session is established; {@code peerHolds} is how far the peer holds our log, as its HELLO said. */
    synchronized void connected(String path, long peerHolds) {
        PathRecord r = paths.computeIfAbsent(path, p -> new PathRecord());
        boolean was = r.connected;
        r.connected = true;
        r.lastHeard = clock.instant();
        peerStopped = null;
        if (!was) {
            LOG.atWarn().addKeyValue("event", "link.state").addKeyValue("peer", peer).addKeyValue("path", path)
                    .addKeyValue("state", "UP").addKeyValue("seq", peerHolds)
                    .log("path {} to {} is UP (the peer holds our log to seq {})", path, peer, peerHolds);
        }
        observe();
    }

    void heard(String path) {
        PathRecord r = paths.get(path);
        if (r != null) {
            r.lastHeard = clock.instant();
        }
    }

    synchronized void disconnected(String path, Optional<String> error, boolean inbound) {
        PathRecord r = paths.get(path);
        if (r != null) {
            pathDown(path, r, error.orElse("closed"));
            r.connected = false;
            r.lastError = error.orElse(null);
        }
        error.ifPresent(e -> errors.incrementAndGet());
        if (inbound) {
            // An inbound path's name carries the peer's ephemeral port; it will not come back under it.
            paths.remove(path);
        }
        observe();
    }

    /**
     * The peer said SHUTDOWN on {@code path}: it is stopping in order. The path closes without
     * counting as an error, and if it was the last one the link goes DOWN saying so.
     */
    synchronized void peerStopped(String path, boolean inbound) {
        PathRecord r = paths.get(path);
        if (r != null) {
            pathDown(path, r, ErrorCode.SHUTDOWN + ": the peer stopped");
            r.connected = false;
            r.lastError = ErrorCode.SHUTDOWN + ": the peer stopped";
        }
        peerStopped = clock.instant();
        if (inbound) {
            paths.remove(path);
        }
        observe();
    }

    /**
     * One WARN when a connected path goes down (a dial that fails again on a path already down
     * changes nothing and says nothing here). Not when this station is closing its links: that
     * is a stop, not an outage.
     */
    private void pathDown(String path, PathRecord r, String reason) {
        if (r.connected && !stopping) {
            LOG.atWarn().addKeyValue("event", "link.state").addKeyValue("peer", peer).addKeyValue("path", path)
                    .addKeyValue("state", "DOWN").addKeyValue("reason", reason)
                    .log("path {} to {} is DOWN: {}", path, peer, reason);
        }
    }

    /** The peer claimed to hold our log beyond its head; the path is being refused. */
    void claimBeyondLog() {
        refusedClaims.incrementAndGet();
    }

    /** The peer claimed a seq of our log with another hash; the first such claim is kept as evidence. */
    void forked(Head claimed, EntryHash ours) {
        fork.compareAndSet(null, new ForkEvidence(claimed, ours, clock.instant()));
    }

    void peerReports(Head holding) {
        peerReportsHolding.accumulateAndGet(holding, (a, b) -> b.seq() > a.seq() ? b : a);
    }

    void catalog(boolean matches) {
        catalogMatches = matches;
    }

    void refusedEntries(int n) {
        refused.addAndGet(n);
    }

    /** This station is closing the link: what follows is a stop, not an outage. */
    void stopping() {
        stopping = true;
    }

    /** Wakes every sender of this link: the station appended to the peer's log. */
    synchronized void appended() {
        version++;
        notifyAll();
    }

    synchronized long version() {
        return version;
    }

    /** Waits until something is appended after {@code seen}, or {@code millis} pass. */
    synchronized void awaitAppend(long seen, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (version == seen) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    private boolean alive(PathRecord r, Instant now) {
        return r.connected && r.lastHeard != null && now.toEpochMilli() - r.lastHeard.toEpochMilli() <= silenceMillis;
    }

    LinkState state() {
        Instant now = clock.instant();
        int alive = 0;
        for (PathRecord r : paths.values()) {
            if (alive(r, now)) {
                alive++;
            }
        }
        if (alive == 0) {
            return LinkState.DOWN;
        }
        return alive == paths.size() ? LinkState.UP : LinkState.DEGRADED;
    }

    /**
     * Notes a change of state, so that status can say since when the link is in it, and logs
     * it: a link going DOWN at WARN (nothing reaches the peer now; a duty officer must know),
     * any other change at INFO.
     */
    private synchronized void observe() {
        LinkState now = state();
        if (now != seenState) {
            LinkState was = seenState;
            Instant wasSince = seenSince;
            seenState = now;
            seenSince = clock.instant();
            if (stopping) {
                return;
            }
            // The link as a whole (no "path" key): one WARN per change, like each path's (see pathDown).
            if (now == LinkState.DOWN && peerStopped != null) {
                // Nothing reaches the peer now. But it stopped in order, so there is no fault to chase.
                LOG.atWarn().addKeyValue("event", "link.state").addKeyValue("peer", peer).addKeyValue("state", now)
                        .addKeyValue("was", was).addKeyValue("reason", ErrorCode.SHUTDOWN)
                        .log("link to {} is DOWN: the peer stopped (SHUTDOWN); it was {} since {}; entries are kept "
                                + "and go out when it is back", peer, was, wasSince);
            } else if (now == LinkState.DOWN) {
                LOG.atWarn().addKeyValue("event", "link.state").addKeyValue("peer", peer).addKeyValue("state", now)
                        .addKeyValue("was", was).addKeyValue("reason", "no path connected and heard")
                        .log("link to {} is DOWN: no path to it is connected and heard (it was {} since {}); entries "
                                + "are kept and go out when a path is back", peer, was, wasSince);
            } else {
                LOG.atWarn().addKeyValue("event", "link.state").addKeyValue("peer", peer).addKeyValue("state", now)
                        .addKeyValue("was", was).log("link to {} is {} (it was {})", peer, now, was);
            }
        }
    }

    LinkStatus status(LinkHost host) {
        List<PathStatus> list = new ArrayList<>();
        paths.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> list.add(new PathStatus(e.getKey(),
                e.getValue().connected, Optional.ofNullable(e.getValue().lastHeard), Optional.ofNullable(e.getValue().lastError))));
        LinkState state;
        Instant since;
        synchronized (this) {
            observe();
            state = seenState;
            since = seenSince;
        }
        return new LinkStatus(peer, state, since, list, host.ownHead(peer), host.heldPeerHead(peer),
                peerReportsHolding.get(), catalogMatches, refused.get(), errors.get(), Optional.ofNullable(peerStopped),
                refusedClaims.get(), Optional.ofNullable(fork.get()));
    }
}
