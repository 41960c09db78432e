package org.macm.station.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.macm.core.log.Body;
import org.macm.core.log.Head;
import org.macm.core.log.LinkParameters;
import org.macm.core.log.LogId;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.Station;
import org.macm.core.log.AgreeRules;
import org.macm.template.Catalog;
import org.macm.template.Language;
import org.macm.template.RenderedMessage;

/**
 * Reads a link's two logs and says where each message stands: received, receipted,
 * acknowledged or overdue. Everything is derived from the signed logs, so both stations
 * reach the same view of who received and acknowledged what, and when a deadline passed.
 */
public final class MessageBoard {
    private final Station station;
    private final Catalog catalog;
    /** Logs are append-only: each is read from the store once and then only its new entries. */
    private final Map<LogId, List<SignedEntry>> cache = new ConcurrentHashMap<>();
    private final Map<StationId, Ledger> ledgers = new ConcurrentHashMap<>();

    public MessageBoard(Station station, Catalog catalog) {
        this.station = station;
        this.catalog = catalog;
    }

    /** Messages and link tests the peer sent us, in log order; templates titled in {@code language}. */
    public List<MessageView> inbox(StationId peer, Instant now, Language language) {
        return views(entries(station.peerLog(peer)),
                entries(station.ownLog(peer)), ledger(peer).receipted(false), peer, station.id(), now, true, language);
    }

    public List<MessageView> inbox(StationId peer, Instant now) {
        return inbox(peer, now, Language.EN);
    }

    /** Messages and link tests we sent the peer, in log order; templates titled in {@code language}. */
    public List<MessageView> sent(StationId peer, Instant now, Language language) {
        return views(entries(station.ownLog(peer)),
                entries(station.peerLog(peer)), ledger(peer).receipted(true), station.id(), peer, now, false, language);
    }

    public List<MessageView> sent(StationId peer, Instant now) {
        return sent(peer, now, Language.EN);
    }

    /**
     * Starts keeping the running account of the link to {@code peer} (what awaits an answer),
     * seeded from both logs. Entries written or received from now on must be passed to
     * {@link #record} (the station's listeners do it) before this is called, so none is missed.
     */
    public void follow(StationId peer) {
        ledger(peer);
    }

    /**
     * Notes peer entries that intake has verified and is about to store: our messages they
     * receipt are RECEIPTED from now on (what {@code send --wait-receipt} waits for), before this
     * station's own fsync of the receipt.
     */
    public void verified(StationId peer, List<SignedEntry> entries) {
        Ledger ledger = ledger(peer);
        entries.forEach(ledger::verified);
    }

    /** Adds an entry just written to the link to {@code peer}. */
    public void record(StationId peer, SignedEntry e) {
        ledger(peer).add(e);
    }

    /**
     * Adds entries of {@code peer}'s log this station has just stored durably: until its own log
     * says when it received them (its next entry's peerHead), their deadlines run from {@code stored}.
     */
    public void received(StationId peer, List<SignedEntry> entries, Instant stored) {
        Ledger ledger = ledger(peer);
        entries.forEach(e -> ledger.addReceived(e, stored));
    }

    /**
     * The deadlines each side of the link to {@code peer} announced in its log, and the clock
     * check of each side's entries against their time of receipt.
     */
    public LinkTerms terms(StationId peer) {
        return ledger(peer).terms();
    }

    /** The last deadlines this station announced in its log for {@code peer}, if it announced any. */
    public Optional<LinkParameters> announced(StationId peer) {
        return ledger(peer).terms().ours();
    }

    private Ledger ledger(StationId peer) {
        return ledgers.computeIfAbsent(peer, p -> {
            LogId ours = station.ownLog(p);
            LogId theirs = station.peerLog(p);
            Ledger ledger = new Ledger(station.id(), p, station.intake(), seq -> held(ours, seq), seq -> held(theirs, seq),
                    seq -> station.store().storedAt(theirs, seq));
            for (LogId log : List.of(ours, theirs)) {
                long head = station.store().head(log).seq();
                for (long from = 1; from <= head; from += 4096) {
                    station.store().read(log, from, 4096).forEach(ledger::add);
                }
            }
            return ledger;
        });
    }

    private SignedEntry held(LogId log, long seq) {
        return station.store().get(log, seq).orElseThrow(() -> new IllegalStateException(log + " seq " + seq
                + " was recorded but is not in the store"));
    }

    /**
     * Messages and link tests on the link to {@code peer}, both ways, past their acknowledgement
     * deadline and not acknowledged. Costs what changed since the last call, not the logs' length.
     */
    public List<MessageView> overdue(StationId peer, Instant now) {
        Ledger ledger = ledger(peer);
        List<MessageView> out = new ArrayList<>();
        out.addAll(views(ledger.overdue(true, now), station.id(), peer, now, false, Language.EN));
        out.addAll(views(ledger.overdue(false, now), peer, station.id(), now, true, Language.EN));
        return out;
    }

    /**
     * One message or link test of ours ({@code ours}) or the peer's, as the lists would show it,
     * without reading the rest of the logs: what {@code send --wait-receipt} polls.
     */
    public Optional<MessageView> message(StationId peer, boolean ours, long seq, Instant now, Language language) {
        Ledger.Answered a = ledger(peer).answers(ours);
        return station.store().get(ours ? station.ownLog(peer) : station.peerLog(peer), seq)
                .flatMap(e -> ours ? view(e, station.id(), peer, a.receipted(), a.acks(), now, false, language)
                        : view(e, peer, station.id(), a.receipted(), a.acks(), now, true, language));
    }

    /**
     * What awaits an answer on the link to {@code peer} at {@code now}, both ways, counted by
     * precedence (link tests as ROUTINE): messages and link tests awaiting a human
     * acknowledgement, those of them past their deadline, and ours the peer has not receipted.
     * It costs what awaits, not the logs' length, so the station's metrics can ask at every
     * scrape; the lists ({@link #inbox}, {@link #sent}) show the same states entry by entry.
     */
    public Unanswered unanswered(StationId peer, Instant now) {
        Ledger ledger = ledger(peer);
        Map<Precedence, Integer> pending = new EnumMap<>(Precedence.class);
        Map<Precedence, Integer> overdue = new EnumMap<>(Precedence.class);
        Ledger.Unanswered ours = ledger.unanswered(true, now);
        for (Ledger.Unanswered u : List.of(ours, ledger.unanswered(false, now))) {
            for (Ledger.Unanswered.Awaited a : u.acks()) {
                pending.merge(a.precedence(), 1, Integer::sum);
                if (a.overdue()) {
                    overdue.merge(a.precedence(), 1, Integer::sum);
                }
            }
        }
        return new Unanswered(pending, overdue, ours.unreceipted());
    }

    /**
     * What awaits an answer on one link, by precedence (a precedence with none is absent).
     *
     * @param acksPending messages and link tests either way awaiting a human acknowledgement, overdue ones included
     * @param acksOverdue of those, the ones past their deadline
     * @param unreceipted our messages and link tests the peer has not receipted yet
     */
    public record Unanswered(Map<Precedence, Integer> acksPending, Map<Precedence, Integer> acksOverdue,
            int unreceipted) {
        public Unanswered {
            acksPending = Map.copyOf(acksPending);
            acksOverdue = Map.copyOf(acksOverdue);
        }
    }

    /** When the newest link test this station sent to {@code peer} was scheduled, if it sent one. */
    public Optional<Instant> lastTest(StationId peer) {
        return ledger(peer).lastTestScheduled();
    }

    /** The link tests this station sent to {@code peer}, oldest first. */
    public List<MessageView> tests(StationId peer, Instant now) {
        return views(ledger(peer).tests(), station.id(), peer, now, false, Language.EN);
    }

    private List<MessageView> views(Ledger.Answered a, StationId from, StationId to, Instant now, boolean incoming,
            Language language) {
        List<MessageView> out = new ArrayList<>(a.entries().size());
        for (SignedEntry e : a.entries()) {
            view(e, from, to, a.receipted(), a.acks(), now, incoming, language).ifPresent(out::add);
        }
        return out;
    }

    /** Every entry of {@code log}, reading from the store only what was appended since the last call. */
    private List<SignedEntry> entries(LogId log) {
        List<SignedEntry> held = cache.computeIfAbsent(log, l -> new ArrayList<>());
        synchronized (held) {
            long head = station.store().head(log).seq();
            while (held.size() < head) {
                List<SignedEntry> more = station.store().read(log, held.size() + 1L, 4096);
                if (more.isEmpty()) {
                    break;
                }
                held.addAll(more);
            }
            return List.copyOf(held);
        }
    }

    /**
     * Message {@code seq} of {@code log} rendered whole for a reader of {@code language}, in
     * that language's local time; free text as written and marked untranslated.
     */
    public Optional<RenderedMessage> render(LogId log, long seq, Language language) {
        return station.store().get(log, seq).flatMap(e -> e.entry().body() instanceof Body.Message m
                ? Optional.of(catalog.render(m.content(), language)) : Optional.empty());
    }

    /**
     * {@code receiptedFloor}: how far the running account has seen the other side receipt these
     * entries, which includes receipts verified and not yet stored (see {@link #verified}).
     */
    private List<MessageView> views(List<SignedEntry> authored, List<SignedEntry> answers, long receiptedFloor,
            StationId from, StationId to, Instant now, boolean incoming, Language language) {
        long receipted = receiptedFloor;
        Map<Long, List<Acknowledged>> acks = new HashMap<>();
        for (SignedEntry a : answers) {
            // What the peer said of our log and is not true is void (docs/PROTOCOL.md §10 step 3).
            Set<AgreeRules.Part> voided = incoming ? Set.of() : station.intake().voided(a);
            if (!voided.contains(AgreeRules.Part.PEER_HEAD)) {
                receipted = Math.max(receipted, a.entry().peerHead().seq());
            }
            if (voided.contains(AgreeRules.Part.REFERENCE)) {
                continue;
            }
            switch (a.entry().body()) {
                case Body.Receipt r -> receipted = Math.max(receipted, r.upTo().seq());
                case Body.Acknowledgement ack -> acks.computeIfAbsent(ack.message().seq(), s -> new ArrayList<>())
                        .add(new Acknowledged(ack.officer(), ack.time(), ack.remark(), a.log().author() + "/" + a.seq()));
                default -> {
                    // Messages and tests from the other side say nothing about these entries.
                }
            }
        }
        List<MessageView> out = new ArrayList<>();
        for (SignedEntry e : authored) {
            Optional<MessageView> v = view(e, from, to, receipted, acks, now, incoming, language);
            v.ifPresent(out::add);
        }
        return out;
    }

    private Optional<MessageView> view(SignedEntry e, StationId from, StationId to, long receipted,
            Map<Long, List<Acknowledged>> acks,
            Instant now, boolean incoming, Language language) {
        Precedence precedence;
        String summary;
        Optional<String> lang = Optional.empty();
        switch (e.entry().body()) {
            case Body.Message m -> {
                precedence = m.precedence();
                switch (m.content()) {
                    case MessageContent.FreeText t -> {
                        summary = t.text();
                        lang = Optional.of(t.lang());
                    }
                    case MessageContent.Template t -> summary = catalog.render(t, language).title();
                }
            }
            case Body.LinkTest t -> {
                precedence = Precedence.ROUTINE;
                summary = t.humanAck() ? "link test (duty officer to acknowledge)" : "link test";
            }
            default -> {
                return Optional.empty();
            }
        }
        if (LinkParameters.isAnnouncement(e.entry())) {
            // Link parameters are the protocol's, not a message for a duty officer (docs/PROTOCOL.md §14).
            return Optional.empty();
        }
        Optional<Instant> deadline = ledger(incoming ? from : to).deadline(!incoming, e);
        List<Acknowledged> ackBy = acks.getOrDefault(e.seq(), List.of());
        MessageState state;
        if (!ackBy.isEmpty()) {
            state = MessageState.ACKNOWLEDGED;
        } else if (deadline.isPresent() && now.isAfter(deadline.get())) {
            state = MessageState.OVERDUE;
        } else if (receipted >= e.seq()) {
            state = MessageState.RECEIPTED;
        } else {
            state = incoming ? MessageState.RECEIVED : MessageState.SENT;
        }
        return Optional.of(new MessageView(from + "/" + e.seq(), from, to, e.seq(), e.entry().kind(), precedence, summary,
                lang, e.entry().time(), state, deadline, ackBy, incoming ? station.intake().messages(e) : List.of()));
    }

    /** The head of the peer's log this station had durably stored, as the link reports it. */
    public Head held(StationId peer) {
        return station.store().head(station.peerLog(peer));
    }
}
