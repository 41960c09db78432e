package org.macm.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves. {@link #standingAt} stands still until the test sets or advances it
 * (entry times are exactly what the test says); {@link #running} is the real time plus an
 * offset the test advances (a station on it lives through a 15-minute timeout in an instant,
 * while everything else still sees time pass). Clocks made by {@link #withZone} share the
 * same time, so moving one moves them all.
 */
public final class TestClock extends Clock {
    /** The time: a fixed base (or the real time when {@code running}) plus an offset. */
    private record Time(boolean running, Instant base, Duration offset) {
        Instant now() {
            return (running ? Instant.now() : base).plus(offset);
        }
    }

    private final AtomicReference<Time> time;
    private final ZoneId zone;

    private TestClock(AtomicReference<Time> time, ZoneId zone) {
        this.time = time;
        this.zone = zone;
    }

    /** A clock at {@code start} that moves only when told. */
    public static TestClock standingAt(Instant start) {
        return new TestClock(new AtomicReference<>(new Time(false, start, Duration.ZERO)), ZoneOffset.UTC);
    }

    /** The real time, moved forward by what the test advances. */
    public static TestClock running() {
        return new TestClock(new AtomicReference<>(new Time(true, Instant.EPOCH, Duration.ZERO)), ZoneOffset.UTC);
    }

    /** Moves this clock forward by {@code d}. */
    public void advance(Duration d) {
        time.updateAndGet(t -> new Time(t.running(), t.base(), t.offset().plus(d)));
    }

    /** Sets this clock to {@code now}; a running clock goes on from there. */
    public void set(Instant now) {
        Objects.requireNonNull(now, "now");
        time.updateAndGet(t -> new Time(t.running(), t.base(), Duration.between(t.now().minus(t.offset()), now)));
    }

    @Override
    public Instant instant() {
        return time.get().now();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(time, other);
    }
}
