package org.macm.store;

/**
 * What became of one entry a peer sent: the one answer the store, the station and the link
 * share. The store decides the first five (see {@link ChainCheck}); the station decides the
 * last four before an entry reaches the store.
 */
public enum IntakeOutcome {
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
    CHAIN_BROKEN,
    /** The signature is not the pinned peer key's. Refused and not stored (decided by the station). */
    BAD_SIGNATURE,
    /** Belongs to another log than the peer's log on this link. Refused (decided by the station). */
    WRONG_LOG,
    /**
     * Validly signed but cannot be read (an {@code F-…} rule): refused, and its bytes kept as
     * evidence; the peer's log is held where it stands (decided by the station).
     */
    UNREADABLE,
    /**
     * Follows an entry that was refused as unreadable: refused without asking for a resend,
     * since the chain cannot pass the unreadable entry (decided by the station).
     */
    HELD;

    /** True if the entry was refused (not stored, not a resend, not a gap): what metrics count and the log reports as refused. */
    public boolean refused() {
        return switch (this) {
            case STORED, DUPLICATE, GAP -> false;
            case EQUIVOCATION, CHAIN_BROKEN, BAD_SIGNATURE, WRONG_LOG, UNREADABLE, HELD -> true;
        };
    }
}
