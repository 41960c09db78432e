package org.macm.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Waiting for something that happens on another thread or in another process: polls a
 * condition until a deadline and, when the deadline passes, fails the test with what was
 * awaited, for how long, and the last value seen, so that a failed run says what went wrong
 * without being run again. Benchmarks, which count time-outs rather than fail on them, use
 * {@link #within}.
 */
public final class Await {
    /** How often a condition is polled: often enough for a test, cheap on a shared machine. */
    public static final Duration POLL = Duration.ofMillis(20);

    private Await() {
    }

    /** What is awaited; it may wait itself (an HTTP call to a station in another process). */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws InterruptedException;
    }

    /** A value looked at while waiting, and shown when the wait fails. */
    @FunctionalInterface
    public interface Probe<T> {
        T get() throws InterruptedException;
    }

    /** Waits until {@code condition} holds; fails naming {@code what} after {@code limit}. */
    public static void await(String what, Duration limit, Condition condition) throws InterruptedException {
        await(what, limit, condition, () -> "the condition was still false");
    }

    /**
     * Waits until {@code condition} holds; after {@code limit} fails naming {@code what} and
     * showing {@code evidence} (a status, log lines) as it was at the deadline.
     */
    public static void await(String what, Duration limit, Condition condition, Probe<?> evidence)
            throws InterruptedException {
        Objects.requireNonNull(evidence, "evidence");
        if (!within(limit, POLL, condition)) {
            throw timedOut(what, limit, evidence.get());
        }
    }

    /**
     * Polls {@code value} until it is {@code wanted} and returns it; after {@code limit} fails
     * naming {@code what} and the last value seen.
     */
    public static <T> T awaitValue(String what, Duration limit, Probe<T> value, Predicate<? super T> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            T seen = value.get();
            if (wanted.test(seen)) {
                return seen;
            }
            if (System.nanoTime() - deadline > 0) {
                throw timedOut(what, limit, seen);
            }
            Thread.sleep(POLL);
        }
    }

    /**
     * Polls {@code condition} every {@code poll} and answers whether it held within
     * {@code limit}; it is checked once more at the deadline.
     */
    public static boolean within(Duration limit, Duration poll, Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(poll);
        }
        return condition.holds();
    }

    private static AssertionError timedOut(String what, Duration limit, Object lastSeen) {
        return new AssertionError("timed out after " + readable(limit) + " waiting for " + what + "; last seen: "
                + lastSeen);
    }

    private static String readable(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
