package org.macm.link;

/** How a link stands, as the console and {@code macm status} show it. */
public enum LinkState {
    /** Every known path is connected and heard within the heartbeat limit. */
    UP,
    /** At least one path works, at least one does not: nothing is lost, but redundancy is. */
    DEGRADED,
    /** No path has been heard within the heartbeat limit. */
    DOWN
}
