package org.macm.station.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * The watch's ticks, one on every whole second its clock passes, in order and each once,
 * whoever moves the clock: a replay moving it to each report's recorded time, or a live
 * station's ticker and its reports moving it to the present. Because a tick for second
 * {@code s} always comes before the first report stamped {@code s} or later and after every
 * earlier one, the same reports give the same ticks, so the same alerts, at any pace.
 * After an hour without a tick (a gap in a recording) every track has long expired, so the
 * ticks jump to the present instead of counting the gap's seconds. Not thread-safe: its
 * owner serialises calls.
 */
public final class SecondTicks {
    /** Longer than any track's max age plus an alert's hold time. */
    private static final Duration GAP = Duration.ofHours(1);

    private Instant next;

    /** Ticks from the first whole second after {@code start}. */
    public SecondTicks(Instant start) {
        this.next = start.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    /** Ticks every whole second not yet ticked up to and including {@code now}. */
    public void upTo(Instant now, Consumer<Instant> tick) {
        Instant stop = next.plus(GAP);
        while (!now.isBefore(next)) {
            tick.accept(next);
            next = next.plusSeconds(1);
            if (next.isAfter(stop) && !now.isBefore(next)) {
                next = now.truncatedTo(ChronoUnit.SECONDS);
            }
        }
    }

    /** The next second that will be ticked. */
    public Instant next() {
        return next;
    }
}
