package org.macm.core.log;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.macm.core.MacmException;

/**
 * The fields of one log entry, as parsed from (or about to be written into) its signed
 * bytes. This is a view: the bytes in {@link SignedEntry} are the truth and are never
 * re-serialised from it.
 *
 * @param version  format version, {@link EntryCodec#VERSION}
 * @param log      the link and the author whose log this entry belongs to
 * @param seq      position in the log, starting at 1 with no gaps
 * @param prev     SHA-256 of the previous entry's bytes ({@link EntryHash#ZERO} for seq 1: a chain rule,
 *                 C-PREV, that {@link LogVerifier} checks, not the reader)
 * @param time     when the author wrote the entry (UTC; held to the millisecond, as written)
 * @param peerHead the highest contiguous entry of the peer's log the author held durably
 * @param body     what the entry says
 */
public record Entry(int version, LogId log, long seq, EntryHash prev, Instant time, Head peerHead, Body body) {
    public Entry {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(prev, "prev");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(peerHead, "peerHead");
        Objects.requireNonNull(body, "body");
        time = time.truncatedTo(ChronoUnit.MILLIS);
        if (seq < 1) {
            throw new MacmException("entry seq starts at 1, got " + seq);
        }
    }

    public EntryKind kind() {
        return body.kind();
    }
}
