package org.macm.station.node;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.macm.store.Fence;
import org.macm.store.LeaseView;
import org.macm.store.StationLease;
import org.macm.store.StoreException;

/**
 * Renews the active node's lease every lease/5 on a thread of its own, from the moment the
 * node takes the lease (before the station starts, which may take longer than a lease on a
 * large store) until the node steps down or stops. It says once, through
 * {@link #awaitLoss}, when a renewal fails for good. Every call on the {@link StationLease}
 * is made holding its monitor, which the node thread holds too for its own calls.
 */
final class LeaseRenewer implements AutoCloseable {
    private final StationLease lease;
    private final Fence fence;
    private final Duration ttl;
    private final Consumer<Optional<LeaseView>> seen;
    private final BlockingQueue<String> lost = new ArrayBlockingQueue<>(1);
    private final Thread thread;
    private volatile boolean closed;

    /** Starts renewing {@code fence}'s lease; {@code seen} hears the lease as read after each renewal. */
    LeaseRenewer(StationLease lease, Fence fence, Duration ttl, Consumer<Optional<LeaseView>> seen) {
        this.lease = lease;
        this.fence = fence;
        this.ttl = ttl;
        this.seen = seen;
        this.thread = new Thread(this::run, "macm-lease-renew");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!closed) {
            try {
                TimeUnit.MILLISECONDS.sleep(lease.renewEvery().toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            Optional<String> loss;
            Optional<LeaseView> view = Optional.empty();
            synchronized (lease) {
                loss = renewOnce();
                if (loss.isEmpty()) {
                    try {
                        view = lease.read();
                    } catch (StoreException e) {
                        view = Optional.empty(); // renewed but not read back: the status keeps the last reading
                    }
                }
            }
            if (loss.isPresent()) {
                lost.offer(loss.get());
                return;
            }
            if (view.isPresent()) {
                seen.accept(view);
            }
        }
    }

    private Optional<String> renewOnce() {
        if (lease.renew(fence)) {
            return Optional.empty();
        }
        Duration since = lease.sinceLastRenewal();
        return Optional.of(since.compareTo(ttl.minus(lease.renewEvery())) >= 0
                ? "no renewal through for " + since.toMillis() + " ms: the store is unreachable"
                : "the lease is no longer ours (another epoch or holder has it)");
    }

    /** Waits up to {@code d} for the lease to be lost; why, or empty if it still holds. */
    Optional<String> awaitLoss(Duration d) throws InterruptedException {
        return Optional.ofNullable(lost.poll(d.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Stops renewing; waits for a renewal under way (bounded by the lease's own timeouts). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(ttl.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
