package org.macm.station.traffic;

import java.time.Instant;
import java.util.Optional;

/**
 * The link tests this station sent one peer: how many, how many were answered in time and
 * how many were missed, and when the last was sent. The scheduler counts them; status shows them.
 */
public record LinkTestStats(int sent, int answered, int missed, Optional<Instant> last) {
    public static final LinkTestStats NONE = new LinkTestStats(0, 0, 0, Optional.empty());
}
