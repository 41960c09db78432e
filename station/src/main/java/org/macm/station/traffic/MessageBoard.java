package org.macm.station.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.macm.core.log.Body;
import org.macm.core.log.EntryKind;
import org.macm.core.log.Head;
import org.macm.core.log.LogId;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.Station;
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

    public MessageBoard(Station station, Catalog catalog) {
        this.station = station;
        this.catalog = catalog;
    }

    /** Messages and link tests the peer sent us, in log order; templates titled in {@code language}. */
    public List<MessageView> inbox(StationId peer, Instant now, Language language) {
        return views(entries(station.peerLog(peer)),
                entries(station.ownLog(peer)), peer, station.id(), now, true, language);
    }

    public List<MessageView> inbox(StationId peer, Instant now) {
        return inbox(peer, now, Language.EN);
    }

    /** Messages and link tests we sent the peer, in log order; templates titled in {@code language}. */
    public List<MessageView> sent(StationId peer, Instant now, Language language) {
        return views(entries(station.ownLog(peer)),
                entries(station.peerLog(peer)), station.id(), peer, now, false, language);
    }

    public List<MessageView> sent(StationId peer, Instant now) {
        return sent(peer, now, Language.EN);
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

    private List<MessageView> views(List<SignedEntry> authored, List<SignedEntry> answers, StationId from, StationId to,
            Instant now, boolean incoming, Language language) {
        long receipted = 0;
        Map<Long, String> acks = new HashMap<>();
        for (SignedEntry a : answers) {
            receipted = Math.max(receipted, a.entry().peerHead().seq());
            switch (a.entry().body()) {
                case Body.Receipt r -> receipted = Math.max(receipted, r.upTo().seq());
                case Body.Acknowledgement ack -> acks.put(ack.message().seq(), ack.officer());
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

    private Optional<MessageView> view(SignedEntry e, StationId from, StationId to, long receipted, Map<Long, String> acks,
            Instant now, boolean incoming, Language language) {
        Precedence precedence;
        String summary;
        Optional<String> lang = Optional.empty();
        boolean humanAck;
        switch (e.entry().body()) {
            case Body.Message m -> {
                precedence = m.precedence();
                humanAck = true;
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
                humanAck = t.humanAck();
                summary = t.humanAck() ? "link test (duty officer to acknowledge)" : "link test";
            }
            default -> {
                return Optional.empty();
            }
        }
        Optional<Instant> deadline = humanAck
                ? Optional.of(e.entry().time().plus(deadlineFor(e.entry().kind(), precedence)))
                : Optional.empty();
        Optional<String> ackBy = Optional.ofNullable(acks.get(e.seq()));
        MessageState state;
        if (ackBy.isPresent()) {
            state = MessageState.ACKNOWLEDGED;
        } else if (deadline.isPresent() && now.isAfter(deadline.get())) {
            state = MessageState.OVERDUE;
        } else if (receipted >= e.seq()) {
            state = MessageState.RECEIPTED;
        } else {
            state = incoming ? MessageState.RECEIVED : MessageState.SENT;
        }
        return Optional.of(new MessageView(from + "/" + e.seq(), from, to, e.seq(), e.entry().kind(), precedence, summary,
                lang, e.entry().time(), state, deadline, ackBy));
    }

    private Duration deadlineFor(EntryKind kind, Precedence precedence) {
        // A link test that asks for a human answer is held to the IMMEDIATE deadline, like a check call.
        return station.config().ackDeadline(kind == EntryKind.TEST ? Precedence.IMMEDIATE : precedence);
    }

    /** The head of the peer's log this station had durably stored, as the link reports it. */
    public Head held(StationId peer) {
        return station.store().head(station.peerLog(peer));
    }
}
