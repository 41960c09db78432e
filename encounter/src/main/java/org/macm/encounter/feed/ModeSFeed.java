package org.macm.encounter.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.macm.encounter.modes.ModeSMessage;
import org.macm.encounter.modes.ModeSTrackAdapter;
import org.macm.encounter.track.TrackEvent;

/**
 * A Mode S feed's track adapter, kept small: a receiver hears thousands of aircraft a day,
 * each passing once, so every {@value #FORGET_EVERY} messages the aircraft not heard for
 * {@link #FORGET_AFTER} are forgotten. The adapter needs nothing older (its position pairs
 * and local references are at most 30 s old, a velocity at most 10 s), so nothing is lost.
 */
final class ModeSFeed {
    static final int FORGET_EVERY = 4096;
    static final Duration FORGET_AFTER = Duration.ofMinutes(1);

    private final ModeSTrackAdapter adapter;
    private int sinceForget;

    ModeSFeed(ModeSTrackAdapter adapter) {
        this.adapter = adapter;
    }

    Optional<TrackEvent> adapt(ModeSMessage message, Instant time) {
        if (++sinceForget >= FORGET_EVERY) {
            sinceForget = 0;
            adapter.forget(time.minus(FORGET_AFTER));
        }
        return adapter.adapt(message, time);
    }

    /** Aircraft held now. */
    int aircraft() {
        return adapter.size();
    }
}
