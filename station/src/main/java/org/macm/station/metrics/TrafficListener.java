package org.macm.station.metrics;

import java.util.List;
import org.macm.core.log.StationId;
import org.macm.store.IntakeOutcome;

/**
 * Hears what the link carries for this station: entries sent to a peer, and what became of
 * each entry a peer sent. The station's link host calls it; {@link StationMetrics} counts.
 * Calls come on the links' threads and must return at once.
 */
public interface TrafficListener {
    /** Hears nothing: the station without metrics. */
    TrafficListener NONE = new TrafficListener() {
        @Override
        public void sent(StationId peer, int entries) {
        }

        @Override
        public void received(StationId peer, List<IntakeOutcome> outcomes) {
        }
    };

    /** {@code entries} of this station's log went out to {@code peer} in one frame. */
    void sent(StationId peer, int entries);

    /** A batch from {@code peer} was taken in: one outcome per entry, in order. */
    void received(StationId peer, List<IntakeOutcome> outcomes);
}
