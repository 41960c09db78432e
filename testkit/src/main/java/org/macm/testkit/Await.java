package org.macm.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

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

    /** Waits until {@code condition} holds; fails naming {@code what} after {@code limit}. */
    public static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        await(what, limit, condition, () -> "the condition was still false");
    }

    /**
     * Waits until {@code condition} holds; after {@code limit} fails naming {@code what} and
     * showing {@code evidence} (a status, log lines) as it was at the deadline.
     */
    public static void await(String what, Duration limit, BooleanSupplier condition, Supplier<?> evidence)
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
    public static <T> T awaitValue(String what, Duration limit, Supplier<T> value, Predicate<? super T> wanted)
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
    public static boolean within(Duration limit, Duration poll, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(poll);
        }
        return condition.getAsBoolean();
    }

    private static AssertionError timedOut(String what, Duration limit, Object lastSeen) {
        return new AssertionError("timed out after " + readable(limit) + " waiting for " + what + "; last seen: "
                + lastSeen);
    }

    private static String readable(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
