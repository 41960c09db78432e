package org.macm.station.transcript;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.macm.core.log.EntryKind;
import org.macm.core.log.LinkId;
import org.macm.core.log.Precedence;
import org.macm.core.log.StationId;
import org.macm.template.RenderedMessage;

/**
 * What a transcript shows, computed from the two verified logs of one link and nothing else:
 * a header (the link, both logs' heads, both keys' fingerprints, the command that re-verifies
 * the exports), every message and link test of both directions in time order with its
 * receipt and acknowledgements, the link-parameters announcements (as parameters, not
 * messages), and every entry of both logs with its seq and hash. Every string in it that came
 * from a log is the peer's word, untrusted: the template escapes all of it.
 */
public record Transcript(LinkId link, List<Side> sides, Instant first, Instant last, Instant made,
        String verifyCommand, List<Item> items, List<Row> entries) {
    public Transcript {
        sides = List.copyOf(sides);
        items = List.copyOf(items);
        entries = List.copyOf(entries);
    }

    /**
     * One station's log: its head and the fingerprints of the key that verified it. The
     * identity fingerprint (what operators read aloud when pinning) is known when the key was
     * given as an identity file; the key fingerprint always.
     */
    public record Side(StationId station, int entries, long headSeq, String headHash, String keyFingerprint,
            Optional<String> identityFingerprint) {
    }

    /** An entry named by author, seq and full hash, with the time its author wrote into it. */
    public record Ref(StationId author, long seq, String hash, Instant time) {
    }

    /** An acknowledgement from the other log: the officer's signed name, the time stated, the remark. */
    public record Ack(Ref entry, String officer, Instant time, Optional<String> remark) {
    }

    /** One item of the time-ordered list. */
    public sealed interface Item {
        Ref entry();

        /** The station the item was addressed to. */
        StationId to();
    }

    /**
     * A message. A form is rendered in the transcript's language ({@code rendered}) beside the
     * fields as signed ({@code fields}); free text is shown as written ({@code freeText}).
     */
    public record Message(Ref entry, StationId to, Precedence precedence, RenderedMessage rendered,
            Optional<FreeText> freeText, Optional<Form> form, Optional<Ref> receipt, List<Ack> acks) implements Item {
        public Message {
            acks = List.copyOf(acks);
        }
    }

    /** Free text as signed: its language tag and text. */
    public record FreeText(String lang, String text) {
    }

    /** A form as signed: id, version and each field as its JSON value. */
    public record Form(String id, int version, List<Field> fields) {
        public Form {
            fields = List.copyOf(fields);
        }
    }

    /** One signed field: its name and its JSON value as text. */
    public record Field(String name, String value) {
    }

    /** A link test, answered by a receipt or (when {@code humanAck}) by an officer's acknowledgement. */
    public record LinkTest(Ref entry, StationId to, Instant scheduled, boolean humanAck, Optional<Ref> receipt,
            List<Ack> acks) implements Item {
        public LinkTest {
            acks = List.copyOf(acks);
        }
    }

    /**
     * A link-parameters announcement (docs/PROTOCOL.md §14): the deadlines its author holds its
     * later messages to, or why the announcement cannot be read. Never a message.
     */
    public record Parameters(Ref entry, StationId to, Map<Precedence, Duration> deadlines, Optional<String> problem)
            implements Item {
        public Parameters {
            deadlines = Map.copyOf(deadlines);
        }
    }

    /**
     * One entry of either log, for the closing table: its kind, a message's precedence, whether
     * it announces link parameters, and the seq of the other log a receipt covers up to or an
     * acknowledgement names.
     */
    public record Row(Ref entry, EntryKind kind, Optional<Precedence> precedence, boolean parameters,
            Optional<Long> names) {
    }
}
