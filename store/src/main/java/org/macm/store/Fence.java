package org.macm.store;

import java.util.Objects;
import org.macm.core.log.StationId;

/**
 * The lease epoch a node writes under: a fenced {@link PostgresLogStore} checks, inside every
 * write transaction and under a row lock on {@code station_lease}, that the station's lease
 * still has this epoch, and refuses the commit (and every later one) otherwise. A takeover
 * raises the epoch, so a deposed node can commit nothing after it.
 */
public record Fence(StationId station, long epoch) {
    public Fence {
        Objects.requireNonNull(station, "station");
    }
}
