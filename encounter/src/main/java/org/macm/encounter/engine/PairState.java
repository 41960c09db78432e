package org.macm.encounter.engine;

import org.macm.encounter.alert.EncounterAlert;

/** An active encounter between two entries: its id, the figures last shown, and the hysteresis clock. */
final class PairState {
    final Entry a;
    final Entry b;
    final String id;
    EncounterAlert shown;
    /** When the clear condition began to hold; {@link Long#MIN_VALUE} while it does not. */
    long clearSinceMillis = Long.MIN_VALUE;

    PairState(Entry a, Entry b, String id) {
        this.a = a;
        this.b = b;
        this.id = id;
    }

    Entry other(Entry e) {
        return e == a ? b : a;
    }
}
