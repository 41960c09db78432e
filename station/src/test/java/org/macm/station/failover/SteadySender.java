package org.macm.station.failover;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import org.macm.core.log.StationId;
import org.macm.station.chaos.ChaosLog;
import org.macm.station.chaos.Pace;
import org.macm.station.chaos.Sender;
import org.macm.station.chaos.StationProcess;

/**
 * An operator at one station sending a numbered series at a steady rate (100 messages a
 * second by default) through its API. The sending, and the rule that keeps it exactly-once
 * when a send is cut short, are the chaos {@link Sender}'s; this class only sets the pace: a
 * {@link Pace} with one "episode" per message, released by a clock tick, so that message
 * {@code i} goes out no earlier than {@code i} ticks after the start. A {@code gate} holds
 * the ticks back when the faults fall behind the traffic, so that there is always traffic
 * when a fault comes.
 */
final class SteadySender implements AutoCloseable {
    private final List<String> texts;
    private final Sender sender;
    private final Pace pace;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private ScheduledFuture<?> ticks;
    private long startNanos;
    private long endNanos;

    SteadySender(StationProcess from, StationId to, int messages, Duration stallLimit, ChaosLog log) {
        this.texts = series(from.id().value(), messages);
        this.pace = new Pace(messages, messages - 1);
        this.sender = new Sender(from, to, texts, pace, stallLimit, log);
    }

    /** The texts, in the order they are sent. */
    List<String> texts() {
        return texts;
    }

    /** How many are durably written at the sending station so far. */
    int done() {
        return sender.done();
    }

    /** Starts the clock: one message may go every {@code interval}, but none beyond {@code gate}'s count. */
    void startTicking(Duration interval, IntSupplier gate) {
        startNanos = System.nanoTime();
        int[] released = {0};
        ticks = ticker.scheduleAtFixedRate(() -> {
            if (released[0] < texts.size() - 1 && released[0] < gate.getAsInt()) {
                released[0]++;
                pace.episodeStarted();
            }
        }, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Sends the whole series on this thread (see {@link Sender#run}); returns once the last is written. */
    Void run() throws InterruptedException {
        try {
            return sender.run();
        } finally {
            endNanos = System.nanoTime();
        }
    }

    /** The rate achieved, messages per second, once {@link #run} has returned. */
    double rate() {
        return texts.size() / ((endNanos - startNanos) / 1e9);
    }

    /** Lets the rest of the series go at once (a failure elsewhere: do not keep the sender waiting). */
    void release() {
        pace.release();
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
