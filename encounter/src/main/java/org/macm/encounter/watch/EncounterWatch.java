package org.macm.encounter.watch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.engine.EncounterEngine;
import org.macm.encounter.track.TrackEvent;
import org.macm.encounter.track.TrackState;
import org.macm.encounter.track.TrackStore;
import org.macm.encounter.zone.ZoneWatch;

/**
 * The encounter watch as one object a source or the CLI drives: track events go into the
 * {@link TrackStore}, each new state into the {@link EncounterEngine} and the {@link ZoneWatch},
 * and alert events out to the consumer given at construction, synchronously. Call
 * {@link #tick} about once a second (on recorded time when replaying) to age out stale tracks
 * and let alerts clear while no fixes arrive. Not thread-safe: one thread drives it.
 *
 * <pre>
 * var watch = new EncounterWatch(store, new GridEncounterEngine(config), zones, events::add);
 * aisDecoder.accept(line) -> Decoded(report) -> ais.adapt(report, arrival).ifPresent(watch::accept);
 * every second: watch.tick(now);
 * </pre>
 */
public final class EncounterWatch {
    private final TrackStore store;
    private final EncounterEngine engine;
    private final ZoneWatch zones;
    private final Consumer<AlertEvent> out;

    public EncounterWatch(TrackStore store, EncounterEngine engine, ZoneWatch zones, Consumer<AlertEvent> out) {
        this.store = Objects.requireNonNull(store, "store");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.zones = Objects.requireNonNull(zones, "zones");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Applies one track event; returns the unit's new state when it changed. */
    public Optional<TrackState> accept(TrackEvent event) {
        Optional<TrackState> state = store.apply(event);
        if (state.isPresent()) {
            engine.update(state.get(), out);
            zones.update(state.get(), out);
        }
        return state;
    }

    /** Ages out stale tracks (clearing their alerts) and re-judges active alerts at {@code now}. */
    public void tick(Instant now) {
        List<TrackState> dropped = store.expire(now);
        for (TrackState t : dropped) {
            engine.remove(t.unit().identifiers().get(0), now, out);
            zones.remove(t.unit().identifiers().get(0), now, out);
        }
        engine.tick(now, out);
        zones.tick(now, out);
    }

    /** The track store, for display. */
    public TrackStore store() {
        return store;
    }

    /** The engine, for its active alerts. */
    public EncounterEngine engine() {
        return engine;
    }
}
