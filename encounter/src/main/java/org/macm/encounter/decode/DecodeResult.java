package org.macm.encounter.decode;

import java.util.Objects;

/**
 * What a decoder made of one line: a decoded value, a counted rejection, (for formats that
 * spread one message over several lines) a fragment held until its group completes, or a line
 * skipped by design (a comment). Callers switch over the four cases; nothing is thrown for bad
 * input.
 *
 * @param <T> the decoded value's type
 */
public sealed interface DecodeResult<T> {

    /** A line that decoded to {@code value}. */
    record Decoded<T>(T value) implements DecodeResult<T> {
        public Decoded {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A line that was refused for {@code reason}; {@code detail} says what, for a log or a test. */
    record Rejected<T>(RejectReason reason, String detail) implements DecodeResult<T> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** A line that was a valid fragment, held until the rest of its message arrives. */
    record Pending<T>() implements DecodeResult<T> {}

    /**
     * A line that carries no message by design, such as a {@code #} comment in a recorded log:
     * counted as a comment, not as a rejection, since nothing is wrong with the feed.
     */
    record Skipped<T>(String detail) implements DecodeResult<T> {
        public Skipped {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
