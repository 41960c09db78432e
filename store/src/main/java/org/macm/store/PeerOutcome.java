package org.macm.store;

/** What became of one peer entry offered to {@link LogStore#storePeer}. */
public enum PeerOutcome {
    /** Newly stored and durable. */
    STORED,
    /** The same bytes were already held at that seq: nothing changed (the normal resend case). */
    DUPLICATE,
    /**
     * Different bytes at a seq already held: refused, and both versions kept as evidence
     * that the author signed two entries at one position.
     */
    EQUIVOCATION,
    /** The seq is beyond the next one expected: hold it back and ask for the missing entries. */
    GAP,
    /** The entry's prev hash does not match the stored entry before it. Refused. */
    CHAIN_BROKEN
}
