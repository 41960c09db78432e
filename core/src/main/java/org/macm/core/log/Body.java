package org.macm.core.log;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.macm.core.MacmException;

/**
 * What an entry says, one record per {@link EntryKind}. The set is closed: a station that
 * meets a kind it does not know refuses the entry rather than guessing at it.
 */
public sealed interface Body {

    EntryKind kind();

    /** Something a person sends: a precedence and either a template with fields, or free text. */
    record Message(Precedence precedence, MessageContent content) implements Body {
        public Message {
            Objects.requireNonNull(precedence, "precedence");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public EntryKind kind() {
            return EntryKind.MESSAGE;
        }
    }

    /**
     * "I hold your entries up to {@code upTo}": written only after the entries it covers are
     * durable. One receipt covers every entry up to and including {@code upTo}.
     */
    record Receipt(Head upTo) implements Body {
        public Receipt {
            Objects.requireNonNull(upTo, "upTo");
            if (upTo.isEmpty()) {
                throw new MacmException("a receipt covers at least one entry");
            }
        }

        @Override
        public EntryKind kind() {
            return EntryKind.RECEIPT;
        }
    }

    /** A duty officer's statement "I have read message {@code message}" of the peer's log. */
    record Acknowledgement(Head message, String officer, Instant time, Optional<String> remark) implements Body {
        public Acknowledgement {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(officer, "officer");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(remark, "remark");
            time = time.truncatedTo(ChronoUnit.MILLIS);
            if (message.isEmpty()) {
                throw new MacmException("an acknowledgement names a message (seq 1 or higher)");
            }
            if (Blank.isBlank(officer)) {
                throw new MacmException("an acknowledgement names the officer who read the message");
            }
        }

        @Override
        public EntryKind kind() {
            return EntryKind.ACK;
        }
    }

    /**
     * A scheduled link test. With {@code humanAck} the peer's duty officer must acknowledge it,
     * as in the routine check calls of real hotlines; otherwise the peer's receipt suffices.
     */
    record LinkTest(Instant scheduled, boolean humanAck) implements Body {
        public LinkTest {
            Objects.requireNonNull(scheduled, "scheduled");
            scheduled = scheduled.truncatedTo(ChronoUnit.MILLIS);
        }

        @Override
        public EntryKind kind() {
            return EntryKind.TEST;
        }
    }
}
