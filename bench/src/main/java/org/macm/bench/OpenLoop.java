package org.macm.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Drives round trips open-loop: request {@code i} is due at {@code t0 + i / rate} whatever
 * happened to the ones before it, and its latency is counted from that due time, not from
 * when it was actually handed over. A system that stalls therefore shows the whole stall
 * in its percentiles (no coordinated omission).
 *
 * <p>A rate is <b>sustained</b> when, over a step at that offered rate, every round trip
 * completes, completions keep up with the offer (at least 95 % of the offered rate, from the
 * first due time to the last completion) and p99 stays at or under {@link #SUSTAINED_P99_MILLIS}
 * ms, i.e. no queue builds. {@link #ramp} raises the rate step by step until a step fails,
 * then bisects between the last pass and the first failure.
 */
final class OpenLoop {
    static final double SUSTAINED_P99_MILLIS = 100;
    static final double SUSTAINED_FRACTION = 0.95;
    /** A ramp never offers more than this, whatever the system does. */
    static final double MAX_RATE = 100_000;
    /** How long a ramp waits for a failed step's backlog to clear before it gives up. */
    static final Duration SETTLE = Duration.ofSeconds(60);

    private OpenLoop() {
    }

    /** Something that carries round trips, one step at a time. */
    interface Target {
        /** Starts a step of {@code n} round trips, forgetting the previous step. */
        void begin(int n);

        /** Starts round trip {@code i}; hands off anything that blocks, so the next request is not delayed. */
        void request(int i);

        /**
         * Waits (at most {@code drain}) until every round trip of the step has completed, and
         * returns when each did ({@link System#nanoTime()}), 0 for one that did not.
         */
        long[] await(Duration drain) throws InterruptedException;

        /**
         * Waits (at most {@code limit}) until nothing sent so far, in any step, is still on its
         * way, so that the next step does not inherit a backlog; false if something still is.
         */
        boolean settle(Duration limit) throws InterruptedException;

        /** CPU time used so far by everything that carries the round trips (this JVM, and any server process). */
        default long cpuNanos() {
            return jvmCpuNanos();
        }
    }

    /**
     * Waits on {@code lock}'s monitor, which the caller holds, until {@code done} or until
     * {@code deadline} ({@link System#nanoTime()}) passes; returns whether it is done. Whoever
     * makes it done calls {@code notifyAll} on the lock.
     */
    static boolean waitUntil(Object lock, BooleanSupplier done, long deadline) throws InterruptedException {
        long left;
        while (!done.getAsBoolean() && (left = deadline - System.nanoTime()) > 0) {
            lock.wait(Math.max(1, left / 1_000_000));
        }
        return done.getAsBoolean();
    }

    /** CPU time used so far by this JVM, all threads. */
    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One step: offered rate, what completed, and the latencies of what did. */
    static final class Step {
        private final double offered;
        private final int sent;
        private final int completed;
        private final double seconds;
        private final Latency latency;
        private final long[] due;
        private final long[] done;
        private final long cpuNanos;

        Step(double offered, int sent, int completed, double seconds, Latency latency, long[] due, long[] done,
                long cpuNanos) {
            this.cpuNanos = cpuNanos;
            this.offered = offered;
            this.sent = sent;
            this.completed = completed;
            this.seconds = seconds;
            this.latency = latency;
            this.due = due;
            this.done = done;
        }

        Latency latency() {
            return latency;
        }

        int sent() {
            return sent;
        }

        /** When round trip {@code i} was due ({@link System#nanoTime()}). */
        long due(int i) {
            return due[i];
        }

        /** When round trip {@code i} completed, 0 if it did not. */
        long done(int i) {
            return done[i];
        }

        /** p99 of the round trips due in each of {@code windows} equal slices of the step, in ms (a trend). */
        String trend(int windows) {
            StringBuilder out = new StringBuilder();
            long start = due[0];
            long span = Math.max(1, due[due.length - 1] - start + 1);
            for (int w = 0; w < windows; w++) {
                long from = start + span * w / windows;
                long to = start + span * (w + 1) / windows;
                long[] slice = new long[due.length];
                int n = 0;
                int missing = 0;
                for (int i = 0; i < due.length; i++) {
                    if (due[i] >= from && due[i] < to) {
                        if (done[i] == 0) {
                            missing++;
                        } else {
                            slice[n++] = done[i] - due[i];
                        }
                    }
                }
                out.append(String.format(Locale.ROOT, "%s%.0f", w == 0 ? "" : " / ",
                        Latency.of(Arrays.copyOf(slice, n)).millis(0.99)));
                if (missing > 0) {
                    out.append(" (+").append(missing).append(" lost)");
                }
            }
            return out.toString();
        }

        /** CPU time per completed round trip, in microseconds (all cores, so it does not depend on contention much). */
        double cpuMicrosPerRoundTrip() {
            return completed == 0 ? Double.NaN : cpuNanos / 1e3 / completed;
        }

        double achieved() {
            return seconds <= 0 ? 0 : completed / seconds;
        }

        boolean sustained() {
            return completed == sent && achieved() >= SUSTAINED_FRACTION * offered
                    && latency.millis(0.99) <= SUSTAINED_P99_MILLIS;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "offered %6.0f/s  achieved %6.0f/s  %s  CPU %.0f us/rt%s", offered,
                    achieved(), latency, cpuMicrosPerRoundTrip(), completed == sent ? "" : "  LOST " + (sent - completed));
        }
    }

    /** Offers {@code rate} round trips a second for {@code seconds}; {@code atHalf} runs once, halfway. */
    static Step run(Target target, double rate, double seconds, Duration drain, Runnable atHalf)
            throws InterruptedException {
        int n = Math.max(1, (int) Math.round(rate * seconds));
        long[] due = new long[n];
        target.begin(n);
        long cpu0 = target.cpuNanos();
        long t0 = System.nanoTime() + 1_000_000;
        for (int i = 0; i < n; i++) {
            due[i] = t0 + (long) (i * 1e9 / rate);
        }
        for (int i = 0; i < n; i++) {
            if (i == n / 2) {
                atHalf.run();
            }
            long wait;
            while ((wait = due[i] - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            target.request(i);
        }
        long[] done = target.await(drain);
        long cpu = target.cpuNanos() - cpu0;
        long last = t0;
        int completed = 0;
        long[] latencies = new long[n];
        for (int i = 0; i < n; i++) {
            if (done[i] != 0) {
                latencies[completed++] = Math.max(0, done[i] - due[i]);
                last = Math.max(last, done[i]);
            }
        }
        long[] measured = new long[completed];
        System.arraycopy(latencies, 0, measured, 0, completed);
        return new Step(rate, n, completed, (last - t0) / 1e9, Latency.of(measured), due, done, cpu);
    }

    static Step run(Target target, double rate, double seconds, Duration drain) throws InterruptedException {
        return run(target, rate, seconds, drain, () -> { });
    }

    /** The steps of a ramp and the highest rate that was sustained (0 if none was). */
    record Ramp(List<Step> steps, double sustained) {
    }

    /**
     * Steps up from {@code start}, multiplying by {@code factor}, until a step is not sustained
     * (at most {@code maxSteps}), then bisects {@code bisections} times between the last pass
     * and the first failure. A step that fails is run once more before it counts as failed: a
     * single stall of the machine (an fsync of this virtual disk has been seen to take 400 ms)
     * must not end a ramp at a rate the system otherwise carries. Both systems get the retry.
     */
    static Ramp ramp(Target target, double start, double factor, double stepSeconds, int maxSteps, int bisections,
            Duration drain, Duration pause) throws InterruptedException {
        List<Step> steps = new ArrayList<>();
        double pass = 0;
        double fail = 0;
        double rate = start;
        for (int s = 0; s < maxSteps && rate <= MAX_RATE; s++) {
            if (!sustains(target, rate, stepSeconds, drain, pause, steps)) {
                fail = rate;
                break;
            }
            pass = rate;
            rate = Math.round(rate * factor);
        }
        for (int b = 0; b < bisections && fail > 0 && fail - pass > 0.05 * fail; b++) {
            double mid = Math.round((pass + fail) / 2);
            if (sustains(target, mid, stepSeconds, drain, pause, steps)) {
                pass = mid;
            } else {
                fail = mid;
            }
        }
        return new Ramp(steps, pass);
    }

    /** Runs a step at {@code rate}, and once more if it failed but its backlog cleared; true if either was sustained. */
    private static boolean sustains(Target target, double rate, double stepSeconds, Duration drain, Duration pause,
            List<Step> steps) throws InterruptedException {
        for (int attempt = 0; attempt < 2; attempt++) {
            Step step = run(target, rate, stepSeconds, drain);
            steps.add(step);
            Thread.sleep(pause.toMillis());
            if (!target.settle(SETTLE)) {
                return false;
            }
            if (step.sustained()) {
                return true;
            }
        }
        return false;
    }
}
