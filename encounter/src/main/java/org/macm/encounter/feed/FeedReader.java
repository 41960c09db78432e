package org.macm.encounter.feed;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.DecodeStats;
import org.macm.encounter.decode.Decoder;
import org.macm.encounter.track.TrackEvent;

/**
 * One feed's decoder and track adapter, as {@link FeedFormat#reader()} pairs them: a line in,
 * the track event it completes (if any) out. A report carries its own time where the format
 * has one (an AIS tag block's {@code c:}, an SBS-1 generated time, a JSON track's
 * {@code time}); the caller says which time a report without one is taken at: a live feed
 * the present, a replay the last time the feed told ({@link #lastStamp()}). Bad lines are
 * counted in {@link #stats()}, never thrown. Not thread-safe: one thread feeds it lines in
 * order; {@link #stats()} may be read from any thread.
 */
public final class FeedReader {
    private final Step<?> step;
    private Instant lastStamp = Instant.EPOCH;

    /** The decoder, how to read a decoded report's own time, and the adapter. */
    record Step<T>(Decoder<T> decoder, Function<T, Optional<Instant>> stampOf,
            BiFunction<T, Instant, Optional<TrackEvent>> adapt) {
        Step {
            Objects.requireNonNull(decoder, "decoder");
            Objects.requireNonNull(stampOf, "stampOf");
            Objects.requireNonNull(adapt, "adapt");
        }

        Optional<TrackEvent> read(CharSequence line, Instant unstamped, FeedReader reader) {
            if (decoder.accept(line) instanceof DecodeResult.Decoded<T> d) {
                Optional<Instant> stamp = stampOf.apply(d.value());
                stamp.ifPresent(t -> reader.lastStamp = t);
                return adapt.apply(d.value(), unstamped);
            }
            return Optional.empty();
        }
    }

    FeedReader(Step<?> step) {
        this.step = Objects.requireNonNull(step, "step");
    }

    /**
     * The track event {@code line} completes, if any; a report without its own time is taken
     * at {@code unstamped}. A line that does not decode (or is a fragment held for the rest of
     * its message, or a report that is no unit's) gives nothing.
     */
    public Optional<TrackEvent> read(CharSequence line, Instant unstamped) {
        return step.read(line, unstamped, this);
    }

    /** The own time of the last report decoded that had one, in feed order; the epoch before any. */
    public Instant lastStamp() {
        return lastStamp;
    }

    /** The decoder's counters, live. */
    public DecodeStats stats() {
        return step.decoder().stats();
    }
}
