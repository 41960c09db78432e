package org.macm.station.traffic;

/** Where a message stands, as a duty officer needs to see it. */
public enum MessageState {
    /** Sent: durable at this station, no receipt from the peer yet. */
    SENT,
    /** Received: durable here, not yet receipted by this station (a receipt follows at once). */
    RECEIVED,
    /** The receiving station holds it durably (its receipt or peer head says so). */
    RECEIPTED,
    /** A duty officer of the receiving side has acknowledged it. */
    ACKNOWLEDGED,
    /** Not acknowledged within the deadline of its precedence: escalated. */
    OVERDUE
}
