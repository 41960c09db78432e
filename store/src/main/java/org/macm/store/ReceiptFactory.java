package org.macm.store;

import java.util.Optional;
import org.macm.core.log.EntryDraft;
import org.macm.core.log.Head;

/**
 * Lays out the entry an own log appends in the same commit as a batch of the peer's entries:
 * the receipt for them, which then costs no fsync of its own (docs/PROTOCOL.md §10 step 4).
 * The store calls it under the own log's lock with that log's head and the head the peer's
 * log will have once the batch is stored; like {@link EntryFactory} it must be quick and must
 * not call the store. It returns empty when no receipt is owed.
 */
@FunctionalInterface
public interface ReceiptFactory {
    Optional<EntryDraft> next(Head ownHead, Head peerHeadAfter);
}
