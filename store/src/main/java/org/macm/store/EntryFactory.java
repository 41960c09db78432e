package org.macm.store;

import org.macm.core.log.Head;
import org.macm.core.log.SignedEntry;

/**
 * Makes the entry that follows a log's current head. The store calls it under the log's
 * lock, so it must be quick (laying out and signing bytes is) and must not call the store.
 */
@FunctionalInterface
public interface EntryFactory {
    SignedEntry next(Head head);
}
