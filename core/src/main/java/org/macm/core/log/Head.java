package org.macm.core.log;

import java.util.Objects;
import org.macm.core.MacmException;

/**
 * The position of a log: the highest entry's sequence number and hash. An empty log has
 * head {@code (0, ZERO)}. Receipts, acknowledgements and {@code peerHead} are heads or
 * point at one entry by the same pair.
 */
public record Head(long seq, EntryHash hash) {
    public static final Head EMPTY = new Head(0, EntryHash.ZERO);

    public Head {
        Objects.requireNonNull(hash, "hash");
        if (seq < 0) {
            throw new MacmException("a sequence number is never negative, got " + seq);
        }
        if (seq == 0 && !hash.equals(EntryHash.ZERO)) {
            throw new MacmException("the empty head (seq 0) has the all-zero hash");
        }
    }

    public boolean isEmpty() {
        return seq == 0;
    }

    @Override
    public String toString() {
        return "seq " + seq + " (" + hash.shortHex() + ")";
    }
}
