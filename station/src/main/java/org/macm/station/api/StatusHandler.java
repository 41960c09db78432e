package org.macm.station.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.macm.core.log.EntryCodec;
import org.macm.core.log.StationId;
import org.macm.link.LinkStatus;
import org.macm.link.Links;
import org.macm.station.Station;
import org.macm.station.intake.IntakeFindings;
import org.macm.store.IntakeFinding;
import org.macm.station.traffic.LinkReport;
import org.macm.station.traffic.LinkTerms;
import org.macm.station.traffic.LinkTestStats;
import org.macm.station.traffic.MessageView;

/**
 * {@code GET /api/v1/status}: links and their paths, heads, link tests, deadlines and clock
 * checks, feeds, the store, escalations; on a node of an active/standby pair, its role and the
 * lease ({@link NodeStatus}).
 */
public final class StatusHandler {
    private final Station station;
    private final Links links;
    private final AlertsHandler alerts;
    private final Supplier<List<MessageView>> escalations;
    private final Function<StationId, LinkTestStats> linkTests;
    private final Function<StationId, LinkTerms> terms;
    private final Supplier<Optional<NodeStatus>> node;

    public StatusHandler(Station station, Links links, AlertsHandler alerts, Supplier<List<MessageView>> escalations,
            Function<StationId, LinkTestStats> linkTests, Function<StationId, LinkTerms> terms) {
        this(station, links, alerts, escalations, linkTests, terms, Optional::empty);
    }

    /** As the other constructor, with {@code node}: the role and lease of a node of an active/standby pair. */
    public StatusHandler(Station station, Links links, AlertsHandler alerts, Supplier<List<MessageView>> escalations,
            Function<StationId, LinkTestStats> linkTests, Function<StationId, LinkTerms> terms,
            Supplier<Optional<NodeStatus>> node) {
        this.node = node;
        this.terms = terms;
        this.station = station;
        this.links = links;
        this.alerts = alerts;
        this.escalations = escalations;
        this.linkTests = linkTests;
    }

    List<Route> routes() {
        return List.of(new Route("GET", "/api/v1/status", Role.OPERATOR, r -> status()));
    }

    private JsonNode status() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("station", station.id().value());
        root.put("time", EntryCodec.formatTime(station.clock().instant()));
        node.get().ifPresent(n -> root.set("node", n.json()));
        ArrayNode out = root.putArray("links");
        for (LinkStatus s : links.status()) {
            out.add(link(s));
        }
        root.set("feeds", alerts.feeds());
        ObjectNode store = root.putObject("store");
        store.put("ok", station.store().failure().isEmpty());
        station.store().failure().ifPresent(f -> {
            store.put("error", f.message());
            store.put("since", EntryCodec.formatTime(f.since()));
        });
        ArrayNode late = root.putArray("escalations");
        for (MessageView v : escalations.get()) {
            late.add(MessageJson.view(v));
        }
        return root;
    }

    /** One link as status shows it; the send answer carries the same for the link it used. */
    static ObjectNode linkState(LinkStatus s) {
        return JsonNodeFactory.instance.objectNode().put("peer", s.peer().value()).put("state", s.state().name())
                .put("since", EntryCodec.formatTime(s.since()));
    }

    /**
     * What intake found wrong with the peer's entries (docs/PROTOCOL.md §10 step 3): entries
     * stored but void, the unreadable entry its log is held behind, equivocations.
     */
    private static void intake(ObjectNode l, IntakeFindings.Report r) {
        l.put("voidEntries", r.voidEntries());
        r.lastVoid().ifPresent(f -> l.set("lastVoid", finding(f)));
        r.held().ifPresent(f -> {
            ObjectNode held = finding(f);
            held.put("heldAt", f.seq() - 1);
            l.set("held", held);
        });
        l.put("equivocations", r.equivocations());
        r.firstEquivocation().ifPresent(q -> l.putObject("firstEquivocation").put("seq", q.seq())
                .put("seen", EntryCodec.formatTime(q.seen())));
    }

    private static ObjectNode finding(IntakeFinding f) {
        return JsonNodeFactory.instance.objectNode().put("seq", f.seq()).put("hash", f.hash().hex()).put("rule", f.rule())
                .put("message", f.message()).put("seen", EntryCodec.formatTime(f.seen()));
    }

    private ObjectNode link(LinkStatus s) {
        ObjectNode l = linkState(s);
        l.set("ownHead", MessageJson.head(s.ownHead()));
        l.set("heldPeerHead", MessageJson.head(s.heldPeerHead()));
        l.set("peerHoldsOurs", MessageJson.head(s.peerReportsHolding()));
        l.put("catalogMatches", s.catalogMatches());
        l.put("refusedEntries", s.refusedEntries());
        l.put("pathErrors", s.closedForErrors());
        s.peerStopped().ifPresent(t -> l.put("peerStopped", EntryCodec.formatTime(t)));
        l.put("refusedClaims", s.refusedClaims());
        s.fork().ifPresent(f -> {
            ObjectNode fork = l.putObject("fork");
            fork.set("claimed", MessageJson.head(f.claimed()));
            fork.put("ours", f.ours().hex());
            fork.put("seen", EntryCodec.formatTime(f.seen()));
        });
        l.put("endpoints", station.config().dial().getOrDefault(s.peer(), List.of()).size());
        LinkReport report = LinkReport.of(station, s, linkTests.apply(s.peer()), terms.apply(s.peer()));
        intake(l, report.intake());
        ArrayNode paths = l.putArray("paths");
        for (LinkReport.PathReport p : report.paths()) {
            ObjectNode pn = paths.addObject();
            pn.put("name", p.name());
            pn.put("inbound", p.inbound());
            pn.put("connected", p.connected());
            p.lastHeard().ifPresent(t -> pn.put("lastHeard", EntryCodec.formatTime(t)));
            p.lastError().ifPresent(e -> pn.put("lastError", e));
        }
        LinkTestStats t = report.tests();
        ObjectNode tests = l.putObject("linkTests");
        tests.put("sent", t.sent());
        tests.put("answered", t.answered());
        tests.put("missed", t.missed());
        t.last().ifPresent(x -> tests.put("last", EntryCodec.formatTime(x)));
        l.set("deadlines", LinkTermsJson.write(report.terms()));
        return l;
    }
}
