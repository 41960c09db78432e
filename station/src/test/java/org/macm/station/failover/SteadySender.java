package org.macm.station.failover;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.macm.core.log.StationId;
import org.macm.station.chaos.ChaosLog;
import org.macm.station.chaos.Pace;
import org.macm.station.chaos.Sender;
import org.macm.station.chaos.StationProcess;

/**
 * An operator at one station sending a numbered series at a steady rate (100 messages a
 * second) through its API for as long as a test's faults last. The sending, and the rule that
 * keeps it exactly-once when a send is cut short, are the chaos {@link Sender}'s; this class
 * sets the pace: a {@link Pace} with one "episode" per message, released by a clock tick, so
 * that message {@code i} goes out no earlier than {@code i} ticks after the start.
 *
 * <p>{@link #stop} stops the clock, waits until every message it released is written, and
 * ends {@link #run} while the sender waits for its next tick (never during a send), so the
 * texts sent are exactly the first {@code n} of the series.
 */
final class SteadySender implements AutoCloseable {
    private final StationProcess from;
    private final List<String> texts;
    private final Sender sender;
    private final Pace pace;
    private final Duration stallLimit;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private int released;
    private boolean clockStopped;
    private ScheduledFuture<?> ticks;
    private volatile boolean stopping;
    private volatile Thread runner;
    private long startNanos;
    private long endNanos;
    private int sent;

    /** {@code most}: the longest series the run may need; it is cut where {@link #stop} finds it. */
    SteadySender(StationProcess from, StationId to, int most, Duration stallLimit, ChaosLog log) {
        this.from = from;
        this.texts = series(from.id().value(), most);
        this.pace = new Pace(most, most - 1);
        this.stallLimit = stallLimit;
        this.sender = new Sender(from, to, texts, pace, stallLimit, log);
    }

    /** How many are durably written at the sending station so far. */
    int done() {
        return sender.done();
    }

    /** Starts the clock: one message may go every {@code interval}. */
    void startTicking(Duration interval) {
        startNanos = System.nanoTime();
        ticks = ticker.scheduleAtFixedRate(this::tick, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void tick() {
        if (!clockStopped && released < texts.size() - 1) {
            released++;
            pace.episodeStarted();
        }
    }

    /** Sends on this thread until {@link #stop} (see {@link Sender#run}). */
    Void run() throws InterruptedException {
        runner = Thread.currentThread();
        try {
            return sender.run();
        } catch (InterruptedException e) {
            if (stopping) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Stops the clock, waits until every message released so far is written, ends {@link #run}
     * and returns the texts sent, in order.
     */
    List<String> stop() throws InterruptedException {
        int n;
        synchronized (this) {
            clockStopped = true;
            ticks.cancel(false);
            n = released + 1;
        }
        long deadline = System.nanoTime() + stallLimit.toNanos();
        while (sender.done() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(from.id() + " did not write message " + n + " within " + stallLimit);
            }
            Thread.sleep(5);
        }
        endNanos = System.nanoTime();
        stopping = true;
        runner.interrupt();
        sent = n;
        return texts.subList(0, n);
    }

    /** Messages a second, from the first tick to the last message written, once stopped. */
    double rate() {
        return sent / ((endNanos - startNanos) / 1e9);
    }

    @Override
    public void close() {
        if (ticks != null) {
            ticks.cancel(false);
        }
        ticker.shutdownNow();
    }

    private static List<String> series(String prefix, int n) {
        String format = prefix + " %0" + String.valueOf(n).length() + "d";
        return IntStream.rangeClosed(1, n).mapToObj(format::formatted).toList();
    }
}
