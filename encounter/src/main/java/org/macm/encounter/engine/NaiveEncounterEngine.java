package org.macm.encounter.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.macm.encounter.alert.AlertEvent;

/**
 * The reference engine: each fix is judged against every other track, so one update costs
 * time proportional to all tracks. It exists to check {@link GridEncounterEngine} (the two
 * must give identical alerts) and as the baseline in the benchmark.
 */
public final class NaiveEncounterEngine extends AbstractEngine {
    private final List<TrackSlot> all = new ArrayList<>();

    public NaiveEncounterEngine(EncounterConfig config) {
        super(config);
    }

    @Override
    void add(TrackSlot e) {
        e.slot = all.size();
        all.add(e);
    }

    @Override
    void moved(TrackSlot e) {
        // nothing is indexed by position
    }

    @Override
    void drop(TrackSlot e) {
        TrackSlot last = all.remove(all.size() - 1);
        if (last != e) {
            all.set(e.slot, last);
            last.slot = e.slot;
        }
        e.slot = -1;
    }

    @Override
    void candidates(TrackSlot e, Consumer<AlertEvent> out) {
        for (int i = 0; i < all.size(); i++) {
            consider(e, all.get(i), out);
        }
    }
}
