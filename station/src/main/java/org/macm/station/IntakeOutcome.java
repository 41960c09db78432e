package org.macm.station;

/** What a station did with one entry received from a peer. */
public enum IntakeOutcome {
    /** Verified and now durable. */
    STORED,
    /** Already held, byte for byte: a resend. */
    DUPLICATE,
    /** Validly signed by the peer but different from the entry held at that seq: evidence kept. */
    EQUIVOCATION,
    /** Comes after a gap: not stored; the missing entries must be sent first. */
    GAP,
    /** Does not chain onto the entry before it. Refused. */
    CHAIN_BROKEN,
    /** The signature is not the pinned peer key's. Refused and not stored. */
    BAD_SIGNATURE,
    /** Belongs to another log than the peer's log on this link. Refused. */
    WRONG_LOG
}
