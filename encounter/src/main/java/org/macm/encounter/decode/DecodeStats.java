package org.macm.encounter.decode;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters of one decoder: lines seen, values decoded, rejections per {@link RejectReason},
 * comment lines, and fields that were present but out of range (decoded as absent rather than rejecting the
 * whole message, because the rest of it, e.g. the MMSI and the time, is still good).
 *
 * <p>One thread writes (the decoder's), any thread may read a {@link #snapshot()}: the writer
 * publishes each count with a release store, so the counters cost no more than a plain
 * increment on the hot path and a reader never sees a torn value.
 */
public final class DecodeStats {
    private static final RejectReason[] REASONS = RejectReason.values();
    private static final int LINES = REASONS.length;
    private static final int DECODED = LINES + 1;
    private static final int OUT_OF_RANGE = LINES + 2;
    private static final int COMMENTS = LINES + 3;

    private final AtomicLongArray counts = new AtomicLongArray(REASONS.length + 4);

    /** Counts a line handed to the decoder. */
    public void line() {
        increment(LINES);
    }

    /** Counts a value handed back decoded. */
    public void decoded() {
        increment(DECODED);
    }

    /** Counts a rejection for {@code reason}. */
    public void rejected(RejectReason reason) {
        increment(slot(reason));
    }

    /** Counts a line that is a comment by design (e.g. {@code #...} in a recorded log): not a rejection. */
    public void comment() {
        increment(COMMENTS);
    }

    /** Counts a field that was present but out of its range and therefore decoded as absent. */
    public void outOfRange() {
        increment(OUT_OF_RANGE);
    }

    // The ordinal is only an in-memory array index, as in EnumMap; it is never stored or sent.
    @SuppressWarnings("EnumOrdinal")
    private static int slot(RejectReason reason) {
        return reason.ordinal();
    }

    private void increment(int index) {
        counts.setRelease(index, counts.getPlain(index) + 1);
    }

    /** Number of rejections for {@code reason} so far. */
    public long rejections(RejectReason reason) {
        return counts.getAcquire(slot(reason));
    }

    /** A consistent-enough copy of every counter, for a status page or a test. */
    public Snapshot snapshot() {
        Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : REASONS) {
            long n = counts.getAcquire(slot(reason));
            if (n != 0) {
                rejected.put(reason, n);
            }
        }
        return new Snapshot(
                counts.getAcquire(LINES),
                counts.getAcquire(DECODED),
                Collections.unmodifiableMap(rejected),
                counts.getAcquire(OUT_OF_RANGE),
                counts.getAcquire(COMMENTS));
    }

    /**
     * The counters at one moment. {@code rejected} lists only reasons seen at least once.
     * A multi-line message counts one line per fragment and one decoded value, so lines are
     * not the sum of decoded and rejected. {@code comments} counts lines skipped by design.
     */
    public record Snapshot(long lines, long decoded, Map<RejectReason, Long> rejected, long outOfRange, long comments) {
        public Snapshot {
            Map<RejectReason, Long> ordered = new EnumMap<>(RejectReason.class);
            ordered.putAll(rejected);
            rejected = Collections.unmodifiableMap(ordered);
        }

        /**
         * What became of the lines, for a person: {@code "226 messages, 14 comments, 17
         * UNSUPPORTED_TYPE"}; counts that are zero are left out, except the messages.
         */
        public String describe() {
            StringBuilder out = new StringBuilder().append(decoded).append(" messages");
            if (comments > 0) {
                out.append(", ").append(comments).append(" comments");
            }
            for (Map.Entry<RejectReason, Long> e : rejected.entrySet()) {
                if (e.getValue() > 0) {
                    out.append(", ").append(e.getValue()).append(' ').append(e.getKey());
                }
            }
            return out.toString();
        }

        /** Total rejections over every reason. */
        public long rejectedTotal() {
            return rejected.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Rejections for {@code reason}, zero when never seen. */
        public long rejected(RejectReason reason) {
            return rejected.getOrDefault(reason, 0L);
        }
    }
}
