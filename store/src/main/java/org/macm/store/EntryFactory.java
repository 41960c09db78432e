package org.macm.store;

import org.macm.core.log.EntryDraft;
import org.macm.core.log.Head;

/**
 * Lays out the entry that follows a log's current head, unsigned. The store calls it under
 * the log's lock, so it must be quick and must not call the store; the store then has the
 * draft signed outside the lock, so concurrent senders sign in parallel.
 */
@FunctionalInterface
public interface EntryFactory {
    EntryDraft next(Head head);
}
