package org.macm.store;

import java.util.Objects;
import java.time.Instant;
import org.macm.core.log.SignedEntry;

/** An entry as a store holds it: the signed entry and when this store took it in (what a copy keeps). */
record StoredEntry(SignedEntry entry, Instant storedAt) {
    StoredEntry {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(storedAt, "storedAt");
    }
}
