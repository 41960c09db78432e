package org.macm.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.macm.core.log.SignedEntry;

/**
 * The newest durable entries of one log, kept in memory so that the readers that follow a
 * log's head (each path's sender, the receipt path, the message board) get them without a
 * query or a parse. Only the store's writer appends, after the entries' commit; a read that
 * reaches back before the oldest kept entry gets nothing here and goes to the database.
 */
final class LogTail {
    private final SignedEntry[] ring;
    /** Seq of the oldest kept entry; 0 while empty. */
    private long first;
    /** Seq of the newest kept entry; 0 while empty. */
    private long last;

    LogTail(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.ring = new SignedEntry[capacity];
    }

    /** Adds the next durable entry. One that does not follow the newest kept starts the tail afresh. */
    synchronized void append(SignedEntry e) {
        long seq = e.seq();
        if (last == 0 || seq != last + 1) {
            first = seq;
        } else if (seq - first >= ring.length) {
            first++;
        }
        last = seq;
        ring[slot(seq)] = e;
    }

    /**
     * Entries {@code fromSeq} onwards, at most {@code max}, if this tail can answer: empty when
     * {@code fromSeq} is past the newest kept entry, and nothing (go to the database) when it
     * is before the oldest.
     */
    synchronized Optional<List<SignedEntry>> read(long fromSeq, int max) {
        if (last == 0 || fromSeq < first) {
            return Optional.empty();
        }
        if (fromSeq > last) {
            return Optional.of(List.of());
        }
        long to = Math.min(last, fromSeq + Math.max(0, max) - 1);
        List<SignedEntry> out = new ArrayList<>((int) Math.max(0, to - fromSeq + 1));
        for (long s = fromSeq; s <= to; s++) {
            out.add(ring[slot(s)]);
        }
        return Optional.of(out);
    }

    private int slot(long seq) {
        return (int) Math.floorMod(seq, (long) ring.length);
    }
}
