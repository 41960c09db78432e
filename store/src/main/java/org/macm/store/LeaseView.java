package org.macm.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The station's lease as the database holds it: its epoch (raised at every takeover), who
 * holds it ({@code NODE/PID}) and until when, by the database's clock. What {@code macm
 * status} and the standby's status show.
 */
public record LeaseView(long epoch, String holder, Instant expiresAt, Instant renewedAt) {
    public LeaseView {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(renewedAt, "renewedAt");
    }
}
