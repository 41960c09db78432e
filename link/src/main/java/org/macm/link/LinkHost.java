package org.macm.link;

import java.util.List;
import org.macm.core.log.Head;
import org.macm.core.log.RawEntry;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;

/**
 * What the link needs from its station: read this station's log for a peer and take in the
 * peer's entries (receipting them). The station implements it; the link never touches the
 * store or the keys directly.
 */
public interface LinkHost {

    /** This station's log head on the link to {@code peer}. */
    Head ownHead(StationId peer);

    /** How much of {@code peer}'s log this station holds durably. */
    Head heldPeerHead(StationId peer);

    /** Entries of this station's log for {@code peer} from {@code fromSeq}, at most {@code max}. */
    List<SignedEntry> ownEntries(StationId peer, long fromSeq, int max);

    /**
     * Reads, verifies and stores entries received from {@code peer}, as they came off the
     * wire; returns once the stored ones are durable, saying whether anything new was stored
     * and where a gap begins, if any. A receipt for them, when one is owed, is written in the
     * same commit (docs/PROTOCOL.md §10 step 4), and the host wakes the senders for it as for any
     * entry it writes. An entry the host refuses (unreadable, badly signed, off the chain) is
     * counted in {@link Intake#refused}; it never fails the path.
     */
    Intake receive(StationId peer, List<RawEntry> entries);

    /**
     * {@code entries} of this station's log went out to {@code peer} in one ENTRIES frame (a
     * resend after a reconnect counts again): what the station's metrics count. Called on the
     * path's sending thread; it must return at once. Does nothing unless the host cares.
     */
    default void sent(StationId peer, int entries) {
    }

    /** The hash of this station's template catalog, exchanged in HELLO. */
    String catalogHash();

    /** What became of a batch of received entries. */
    record Intake(int stored, int duplicates, int refused, long gapFrom) {
        /** No gap: nothing needs to be re-requested. */
        public static final long NO_GAP = -1;

        public boolean hasGap() {
            return gapFrom != NO_GAP;
        }
    }
}
