package org.macm.station.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.macm.core.MacmException;
import org.macm.core.crypto.Fingerprint;
import org.macm.core.log.Body;
import org.macm.core.log.Entry;
import org.macm.core.log.LinkParameters;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.export.KeyRing;
import org.macm.template.Catalog;
import org.macm.template.Language;

/**
 * Builds a {@link Transcript} from the two logs of one link, which the caller has verified
 * (each chain, and the cross-check: every receipt and acknowledgement names an entry of the
 * other log with that hash). A message's receipt is the first receipt in the other log that
 * covers it; its acknowledgements are the other log's acknowledgements that name it.
 */
public final class TranscriptBuilder {
    private final Catalog catalog;
    private final Language language;

    public TranscriptBuilder(Catalog catalog, Language language) {
        this.catalog = catalog;
        this.language = language;
    }

    public Transcript build(List<SignedEntry> one, List<SignedEntry> other, KeyRing keys, String verifyCommand,
            Instant made) {
        // A fixed order of the two sides (by station name), whichever export came first.
        List<List<SignedEntry>> logs = new ArrayList<>(List.of(one, other));
        logs.sort(Comparator.comparing(l -> l.get(0).log().author().value()));
        List<Transcript.Item> items = new ArrayList<>();
        List<Transcript.Row> rows = new ArrayList<>();
        List<Transcript.Side> sides = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<SignedEntry> log = logs.get(i);
            List<SignedEntry> peer = logs.get(1 - i);
            sides.add(side(log, keys));
            items.addAll(items(log, peer));
            log.forEach(e -> rows.add(row(e)));
        }
        Comparator<Transcript.Ref> order = Comparator.comparing(Transcript.Ref::time)
                .thenComparing(r -> r.author().value()).thenComparingLong(Transcript.Ref::seq);
        items.sort(Comparator.comparing(Transcript.Item::entry, order));
        rows.sort(Comparator.comparing(Transcript.Row::entry, order));
        Instant first = rows.get(0).entry().time();
        Instant last = rows.get(rows.size() - 1).entry().time();
        return new Transcript(one.get(0).log().link(), sides, first, last, made, verifyCommand, items, rows);
    }

    private static Transcript.Side side(List<SignedEntry> log, KeyRing keys) {
        StationId author = log.get(0).log().author();
        SignedEntry head = log.get(log.size() - 1);
        byte[] key = keys.find(author, false).orElseThrow().toBytes();
        return new Transcript.Side(author, log.size(), head.seq(), head.hash().hex(),
                Fingerprint.of("ed25519", key).text(), keys.identity(author).map(id -> id.fingerprint().text()));
    }

    private static Transcript.Ref ref(SignedEntry e) {
        return new Transcript.Ref(e.log().author(), e.seq(), e.hash().hex(), e.entry().time());
    }

    private List<Transcript.Item> items(List<SignedEntry> log, List<SignedEntry> peer) {
        StationId to = peer.get(0).log().author();
        Transcript.Ref[] receipts = receipts(log.size(), peer);
        Map<Long, List<Transcript.Ack>> acks = acks(peer);
        List<Transcript.Item> out = new ArrayList<>();
        for (SignedEntry e : log) {
            Transcript.Ref ref = ref(e);
            Optional<Transcript.Ref> receipt = Optional.ofNullable(receipts[(int) e.seq()]);
            List<Transcript.Ack> acked = acks.getOrDefault(e.seq(), List.of());
            switch (e.entry().body()) {
                case Body.Message m when LinkParameters.isAnnouncement(e.entry()) -> out.add(parameters(ref, to, e.entry()));
                case Body.Message m -> out.add(message(ref, to, m, receipt, acked));
                case Body.LinkTest t -> out.add(new Transcript.LinkTest(ref, to, t.scheduled(), t.humanAck(), receipt, acked));
                case Body.Receipt r -> {
                    // Shown with the entries it covers, and in the table of every entry.
                }
                case Body.Acknowledgement a -> {
                    // Shown with the message it names, and in the table of every entry.
                }
            }
        }
        return out;
    }

    private Transcript.Item parameters(Transcript.Ref ref, StationId to, Entry e) {
        try {
            return new Transcript.Parameters(ref, to, LinkParameters.of(e).orElseThrow().deadlines(), Optional.empty());
        } catch (MacmException ex) {
            return new Transcript.Parameters(ref, to, Map.<Precedence, Duration>of(), Optional.of(ex.getMessage()));
        }
    }

    private Transcript.Message message(Transcript.Ref ref, StationId to, Body.Message m, Optional<Transcript.Ref> receipt,
            List<Transcript.Ack> acks) {
        Optional<Transcript.FreeText> free = Optional.empty();
        Optional<Transcript.Form> form = Optional.empty();
        switch (m.content()) {
            case MessageContent.FreeText t -> free = Optional.of(new Transcript.FreeText(t.lang(), t.text()));
            case MessageContent.Template t -> {
                List<Transcript.Field> fields = new ArrayList<>();
                for (Map.Entry<String, JsonNode> f : t.fields().properties()) {
                    fields.add(new Transcript.Field(f.getKey(), f.getValue().isTextual() ? f.getValue().textValue()
                            : f.getValue().toString()));
                }
                form = Optional.of(new Transcript.Form(t.id(), t.version(), fields));
            }
        }
        return new Transcript.Message(ref, to, m.precedence(), catalog.render(m.content(), language), free, form, receipt, acks);
    }

    /** For each seq of a log (index = seq), the first receipt in {@code peer} that covers it. */
    private static Transcript.Ref[] receipts(int size, List<SignedEntry> peer) {
        Transcript.Ref[] out = new Transcript.Ref[size + 1];
        long covered = 0;
        for (SignedEntry e : peer) {
            if (e.entry().body() instanceof Body.Receipt r && r.upTo().seq() > covered) {
                Transcript.Ref ref = ref(e);
                for (long s = covered + 1; s <= Math.min(r.upTo().seq(), size); s++) {
                    out[(int) s] = ref;
                }
                covered = r.upTo().seq();
            }
        }
        return out;
    }

    /** The acknowledgements in {@code peer}, by the seq of the entry they name. */
    private static Map<Long, List<Transcript.Ack>> acks(List<SignedEntry> peer) {
        Map<Long, List<Transcript.Ack>> out = new HashMap<>();
        for (SignedEntry e : peer) {
            if (e.entry().body() instanceof Body.Acknowledgement a) {
                out.computeIfAbsent(a.message().seq(), s -> new ArrayList<>())
                        .add(new Transcript.Ack(ref(e), a.officer(), a.time(), a.remark()));
            }
        }
        return out;
    }

    private static Transcript.Row row(SignedEntry e) {
        Transcript.Ref ref = ref(e);
        return switch (e.entry().body()) {
            case Body.Message m -> new Transcript.Row(ref, e.entry().kind(), Optional.of(m.precedence()),
                    LinkParameters.isAnnouncement(e.entry()), Optional.empty());
            case Body.Receipt r -> new Transcript.Row(ref, e.entry().kind(), Optional.empty(), false, Optional.of(r.upTo().seq()));
            case Body.Acknowledgement a -> new Transcript.Row(ref, e.entry().kind(), Optional.empty(), false,
                    Optional.of(a.message().seq()));
            case Body.LinkTest t -> new Transcript.Row(ref, e.entry().kind(), Optional.empty(), false, Optional.empty());
        };
    }
}
