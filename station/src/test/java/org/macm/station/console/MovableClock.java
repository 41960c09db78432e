package org.macm.station.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real time plus an offset a test moves forward: a station started on it lives through
 * a 15-minute idle timeout or lockout in an instant, while everything else still sees time pass.
 */
final class MovableClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Moves this clock forward by {@code d}. */
    void advance(Duration d) {
        offset.accumulateAndGet(d, Duration::plus);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a station's clock stays in UTC");
    }
}
