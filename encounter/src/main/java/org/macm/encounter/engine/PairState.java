package org.macm.encounter.engine;

import org.macm.encounter.alert.EncounterAlert;

/** An active encounter between two tracks: its id, the figures last shown, and the hysteresis clock. */
final class PairState {
    final TrackSlot a;
    final TrackSlot b;
    final String id;
    EncounterAlert shown;
    /** When the clear condition began to hold; {@link Long#MIN_VALUE} while it does not. */
    long clearSinceMillis = Long.MIN_VALUE;

    PairState(TrackSlot a, TrackSlot b, String id) {
        this.a = a;
        this.b = b;
        this.id = id;
    }

    TrackSlot other(TrackSlot e) {
        return e == a ? b : a;
    }
}
