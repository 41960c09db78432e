package org.macm.encounter.engine;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.alert.EncounterAlert;
import org.macm.encounter.track.TrackState;
import org.macm.encounter.unit.Identifier;

/**
 * Predicts close encounters between units of different sides and reports each one's
 * lifecycle. Feed it every new track state ({@link #update}), the tracks the store dropped
 * ({@link #remove}) and the passing of time ({@link #tick}, e.g. once a second); alert events
 * go to the consumer passed with each call, synchronously, before the call returns. The
 * engine's clock is the latest time it was given (a fix's time or a tick's), so a replay runs
 * on recorded time. Two implementations give identical alerts:
 * {@link GridEncounterEngine} (cost grows with nearby tracks) and
 * {@link NaiveEncounterEngine} (all pairs, for comparison). Not thread-safe.
 */
public interface EncounterEngine {

    /** Takes a unit's new state and judges it against the units that could come close to it. */
    void update(TrackState track, Consumer<AlertEvent> out);

    /** Forgets the unit whose track key is {@code key} (its track went stale); its alerts are cleared. */
    void remove(Identifier key, Instant now, Consumer<AlertEvent> out);

    /** Advances the clock to {@code now} and re-judges every active alert. */
    void tick(Instant now, Consumer<AlertEvent> out);

    /** The figures of every active encounter, as last shown. */
    List<EncounterAlert> active();

    /** How many tracks the engine holds. */
    int size();
}
