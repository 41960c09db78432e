package org.macm.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.macm.core.log.EntryHash;
import org.macm.core.log.LogId;
import org.macm.core.log.RawEntry;

/**
 * What a station's intake found wrong with a validly signed entry of a peer's log, kept as
 * evidence (docs/PROTOCOL.md §10 step 3): the rule it breaks ({@code A-…} for a reference to
 * this station's log that is not true, {@code F-…} for bytes that cannot be read), the
 * refusal message, and when it was seen.
 *
 * <p>An entry that breaks an agree rule is stored all the same (it is in the chain), so
 * {@code seq} and {@code hash} name it and {@code unreadable} is empty. An entry that cannot
 * be read is not stored: its bytes and signature are kept in {@code unreadable}, and
 * {@code seq} is the position it was offered at (one past the last entry held then).
 */
public record IntakeFinding(LogId log, long seq, EntryHash hash, String rule, String message, Instant seen,
        Optional<RawEntry> unreadable) {
    public IntakeFinding {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(unreadable, "unreadable");
    }

    /** Whether the entry could not be read at all (an {@code F-…} rule), rather than read and found untrue. */
    public boolean isUnreadable() {
        return unreadable.isPresent();
    }
}
