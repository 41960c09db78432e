package org.macm.link;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.RawEntry;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;

/**
 * What travels on a connection, one record per frame type. The set is closed: an unknown
 * type closes the connection with {@link ErrorCode#MALFORMED_FRAME}. Layouts are in
 * {@link FrameCodec} and docs/PROTOCOL.md.
 */
public sealed interface Frame {

    /**
     * The first frame each side sends. {@code head} is the sender's own log head;
     * {@code peerHead} is how much of the receiver's log the sender holds durably, so the
     * receiver resends from {@code peerHead.seq + 1}.
     */
    record Hello(int protocol, StationId station, LinkId link, Head head, Head peerHead, String catalog)
            implements Frame {
        public Hello {
            Objects.requireNonNull(station, "station");
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(head, "head");
            Objects.requireNonNull(peerHead, "peerHead");
            Objects.requireNonNull(catalog, "catalog");
        }
    }

    /**
     * Entries of the sender's log, consecutive, as their exact bytes and signatures. They are
     * carried unread: reading an entry is the receiving station's intake, which must tell a
     * validly signed entry it cannot read from a bad signature (docs/PROTOCOL.md §10 step 3),
     * so bytes that are not an entry do not make the frame malformed.
     */
    record Entries(List<RawEntry> entries) implements Frame {
        public Entries {
            entries = List.copyOf(entries);
        }

        /** The frame that sends {@code entries}. */
        public static Entries of(List<SignedEntry> entries) {
            return new Entries(entries.stream().map(RawEntry::of).toList());
        }
    }

    /** Liveness, every heartbeat interval; not logged. Carries both heads as in HELLO. */
    record Heartbeat(Head head, Head peerHead) implements Frame {
        public Heartbeat {
            Objects.requireNonNull(head, "head");
            Objects.requireNonNull(peerHead, "peerHead");
        }
    }

    /**
     * "Send your log again from {@code fromSeq}": after a gap, the receiver asks for what is
     * missing. Seqs start at 1, so a RESEND from 0 (or from beyond 2^63-1, which reads negative)
     * is malformed; one from beyond the sender's head is a false claim, refused by the session.
     */
    record Resend(long fromSeq) implements Frame {
        public Resend {
            if (fromSeq < 1) {
                throw new LinkException(ErrorCode.MALFORMED_FRAME, "RESEND from seq " + Long.toUnsignedString(fromSeq)
                        + ": a log's seqs run from 1 to 2^63-1");
            }
        }
    }

    /** The sender is closing the connection, and why. */
    record Failure(ErrorCode code, Optional<String> message) implements Frame {
        public Failure {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
