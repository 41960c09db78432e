package org.macm.station.console.page;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.macm.core.log.LinkParameters;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.Station;
import org.macm.station.console.AuditTrail;
import org.macm.station.console.ConsoleRefusal;
import org.macm.station.console.ConsoleRequest;
import org.macm.station.console.ConsoleRoute;
import org.macm.station.console.UiText;
import org.macm.station.officer.Role;
import org.macm.station.traffic.Acknowledged;
import org.macm.station.traffic.Acknowledgements;
import org.macm.station.traffic.AlreadyAcknowledgedException;
import org.macm.station.traffic.MessageBoard;
import org.macm.station.traffic.MessageView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Message page at {@code /messages/AUTHOR/SEQ}: one message or link test rendered in the
 * officer's language with the original beside it, its form's fields, who acknowledged it and
 * when, its hash and seq; and {@code POST …/ack}, the officer's acknowledgement. The signed
 * acknowledgement names the logged-in officer's display name (never a name typed into the
 * form) and {@link AuditTrail} records the account behind it.
 */
public final class MessagePage {
    /** The longest remark the console takes: a few paragraphs, far inside the signed entry's size limit. */
    public static final int REMARK_MAX = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(MessagePage.class);

    private final Station station;
    private final MessageBoard board;
    private final Acknowledgements acknowledgements;
    private final AuditTrail audit;

    public MessagePage(Station station, MessageBoard board, Acknowledgements acknowledgements, AuditTrail audit) {
        this.station = station;
        this.board = board;
        this.acknowledgements = acknowledgements;
        this.audit = audit;
    }

    public List<ConsoleRoute> routes() {
        return List.of(
                ConsoleRoute.get("/messages/{author}/{seq}", Role.DUTY, r -> show(r, find(r), 200, "", "")),
                ConsoleRoute.post("/messages/{author}/{seq}/ack", Role.DUTY, this::acknowledge));
    }

    /** A message as found: the peer its link is with, whether we wrote it, its view and entry. */
    private record Found(StationId peer, boolean ours, MessageView view, SignedEntry entry) {
        String id() {
            return view.id();
        }
    }

    private Found find(ConsoleRequest r) {
        StationId author;
        long seq;
        try {
            author = StationId.of(r.ctx().pathParam("author"));
            seq = Long.parseLong(r.ctx().pathParam("seq"));
        } catch (RuntimeException e) {
            throw ConsoleRefusal.status(404, "message.notFound", r.ctx().pathParam("author") + "/"
                    + r.ctx().pathParam("seq"));
        }
        boolean ours = author.equals(station.id());
        Instant now = station.clock().instant();
        if (seq >= 1) {
            for (StationId peer : station.peers().all().stream().map(p -> p.station()).toList()) {
                if (!ours && !author.equals(peer)) {
                    continue;
                }
                Optional<MessageView> v = board.message(peer, ours, seq, now, r.text().language());
                Optional<SignedEntry> e = station.store().get(ours ? station.ownLog(peer) : station.peerLog(peer), seq);
                if (e.isPresent() && LinkParameters.isAnnouncement(e.get().entry())) {
                    // The protocol's, not a message for an officer: neither shown nor acknowledged (PROTOCOL.md §14).
                    throw ConsoleRefusal.status(409, "message.announcement", author + "/" + seq, author.value());
                }
                if (v.isPresent() && e.isPresent()) {
                    return new Found(peer, ours, v.get(), e.get());
                }
            }
        }
        throw ConsoleRefusal.status(404, "message.notFound", author + "/" + seq);
    }

    private void show(ConsoleRequest r, Found f, int status, String error, String remark) {
        UiText t = r.text();
        var log = f.ours() ? station.ownLog(f.peer()) : station.peerLog(f.peer());
        MessageDetail detail = MessageDetail.of(f.view(), !f.ours(), f.entry(),
                language -> board.render(log, f.entry().seq(), language), t.language(), error, remark);
        r.ctx().status(status);
        r.page("message.jte", r.chrome("traffic", "message.title"), Map.of("m", detail, "now",
                station.clock().instant()));
    }

    private void acknowledge(ConsoleRequest r) {
        Found f = find(r);
        UiText t = r.text();
        String remark = r.form("remark").strip();
        MessageView v = f.view();
        if (f.ours() || v.deadline().isEmpty()) {
            show(r, f, 409, t.get(f.ours() ? "message.ack.ours" : "message.ack.notExpected"), remark);
            return;
        }
        if (remark.codePointCount(0, remark.length()) > REMARK_MAX) {
            show(r, f, 400, t.format("message.ack.tooLong", REMARK_MAX), remark);
            return;
        }
        if (!v.acknowledgements().isEmpty()) {
            show(r, f, 409, already(t, v.acknowledgements().get(0)), remark);
            return;
        }
        String officer = r.officer().displayName();
        SignedEntry ack;
        try {
            ack = acknowledgements.acknowledge(f.peer(), f.entry().seq(), officer,
                    remark.isEmpty() ? Optional.empty() : Optional.of(remark), false);
        } catch (AlreadyAcknowledgedException e) {
            // Another officer pressed first, between this page's check and the signature.
            Found now = find(r);
            show(r, now, 409, now.view().acknowledgements().stream().findFirst().map(a -> already(t, a))
                    .orElse(t.get("message.ack.notExpected")), remark);
            return;
        }
        String ackId = ack.log().author() + "/" + ack.seq();
        audit.acknowledged(r.officer(), f.id(), ackId);
        LOG.atInfo().addKeyValue("account", r.officer().name()).addKeyValue("entry", f.id()).addKeyValue("ack", ackId)
                .log("console: officer '{}' acknowledged {} as {}", r.officer().name(), f.id(), ackId);
        r.redirect("/messages/" + f.id());
    }

    private static String already(UiText t, Acknowledged first) {
        return t.format("message.ack.already", first.officer(), t.local(first.time()), UiText.dtg(first.time()));
    }
}
