package org.macm.station.node;

import java.util.Locale;

/**
 * A node's part in an active/standby pair: the {@link #ACTIVE} node holds the lease and runs
 * the station; the {@link #STANDBY} serves a read-only status and waits for the lease.
 */
public enum NodeRole {
    ACTIVE,
    STANDBY;

    /** As the status and the logs write it: {@code active}, {@code standby}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
