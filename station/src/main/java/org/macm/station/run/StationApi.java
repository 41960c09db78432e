package org.macm.station.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.macm.core.MacmException;
import org.macm.core.log.Body;
import org.macm.core.log.EntryCodec;
import org.macm.core.log.Head;
import org.macm.core.log.MessageContent;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.link.LinkStatus;
import org.macm.link.Links;
import org.macm.link.PathStatus;
import org.macm.station.Station;
import org.macm.station.api.ApiException;
import org.macm.station.api.ApiServer;
import org.macm.station.api.Role;
import org.macm.station.api.Route;
import org.macm.station.identity.Identity;
import org.macm.station.traffic.MessageBoard;
import org.macm.station.traffic.MessageView;
import org.macm.station.watch.AlertText;
import org.macm.station.watch.WatchService;
import org.macm.station.StationException;
import org.macm.template.Catalog;
import org.macm.template.Form;
import org.macm.template.Language;
import org.macm.template.TemplateValidationException;

/**
 * The routes of the local API (docs/api/openapi.yaml describes them; a test keeps the two
 * in step). Handlers translate JSON to station calls and back, nothing more.
 */
final class StationApi {
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Station station;
    private final Links links;
    private final MessageBoard board;
    private final Scheduler scheduler;
    private final Catalog catalog;
    private final Optional<WatchService> watch;

    StationApi(Station station, Links links, MessageBoard board, Scheduler scheduler, Catalog catalog,
            Optional<WatchService> watch) {
        this.watch = watch;
        this.catalog = catalog;
        this.station = station;
        this.links = links;
        this.board = board;
        this.scheduler = scheduler;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/v1/status", Role.OPERATOR, r -> status()),
                new Route("GET", "/api/v1/inbox", Role.OPERATOR, r -> traffic(true, language(r))),
                new Route("GET", "/api/v1/sent", Role.OPERATOR, r -> traffic(false, language(r))),
                new Route("POST", "/api/v1/messages", Role.OPERATOR, r -> send(r.body())),
                new Route("GET", "/api/v1/messages/{author}/{seq}", Role.OPERATOR,
                        r -> message(r.param(1), r.param(2), language(r))),
                new Route("POST", "/api/v1/acknowledgements", Role.OPERATOR, r -> acknowledge(r.body())),
                new Route("GET", "/api/v1/alerts", Role.OPERATOR, r -> alerts()));
    }

    private JsonNode alerts() {
        ObjectNode root = json.createObjectNode();
        root.put("watching", watch.isPresent());
        ArrayNode list = root.putArray("alerts");
        ArrayNode feeds = root.putArray("feeds");
        watch.ifPresent(w -> {
            for (WatchService.AlertRecord a : w.alerts()) {
                list.addObject().put("id", a.id()).put("state", a.last().lifecycle().name())
                        .put("time", EntryCodec.formatTime(a.last().alert().time()))
                        .put("text", AlertText.line(a.last())).put("draft", a.draft().isPresent());
            }
            for (WatchService.FeedStats f : w.feeds()) {
                ObjectNode n = feeds.addObject().put("source", f.source()).put("lines", f.lines())
                        .put("decoded", f.decoding().decoded());
                ObjectNode rejected = n.putObject("rejected");
                f.decoding().rejected().forEach((reason, count) -> {
                    if (count > 0) {
                        rejected.put(reason.name(), count);
                    }
                });
            }
        });
        return root;
    }

    private static Language language(Route.Request r) {
        String tag = r.query("lang").orElse("en");
        return Language.fromTag(tag).orElseThrow(() -> new ApiException(400, "query 'lang' is '" + tag
                + "'; use en, ja or zh-Hans"));
    }

    private List<StationId> peers() {
        return station.peers().all().stream().map(Identity::station).toList();
    }

    private JsonNode status() {
        ObjectNode root = json.createObjectNode();
        root.put("station", station.id().value());
        root.put("time", EntryCodec.formatTime(station.clock().instant()));
        ArrayNode out = root.putArray("links");
        for (LinkStatus s : links.status()) {
            ObjectNode l = out.addObject();
            l.put("peer", s.peer().value());
            l.put("state", s.state().name());
            l.set("ownHead", head(s.ownHead()));
            l.set("heldPeerHead", head(s.heldPeerHead()));
            l.set("peerHoldsOurs", head(s.peerReportsHolding()));
            l.put("catalogMatches", s.catalogMatches());
            l.put("refusedEntries", s.refusedEntries());
            l.put("pathErrors", s.closedForErrors());
            ArrayNode paths = l.putArray("paths");
            for (PathStatus p : s.paths()) {
                ObjectNode pn = paths.addObject();
                pn.put("name", p.name());
                pn.put("connected", p.connected());
                p.lastHeard().ifPresent(t -> pn.put("lastHeard", EntryCodec.formatTime(t)));
                p.lastError().ifPresent(e -> pn.put("lastError", e));
            }
            Scheduler.TestStats t = scheduler.testStats(s.peer());
            ObjectNode tests = l.putObject("linkTests");
            tests.put("sent", t.sent());
            tests.put("answered", t.answered());
            tests.put("missed", t.missed());
            t.last().ifPresent(x -> tests.put("last", EntryCodec.formatTime(x)));
        }
        root.set("feeds", alerts().get("feeds"));
        ObjectNode store = root.putObject("store");
        store.put("ok", station.store().failure().isEmpty());
        station.store().failure().ifPresent(f -> {
            store.put("error", f.message());
            store.put("since", EntryCodec.formatTime(f.since()));
        });
        ArrayNode escalations = root.putArray("escalations");
        for (MessageView v : scheduler.overdue()) {
            escalations.add(view(v));
        }
        return root;
    }

    private JsonNode traffic(boolean incoming, Language language) {
        ArrayNode out = json.createArrayNode();
        Instant now = station.clock().instant();
        for (StationId peer : peers()) {
            for (MessageView v : incoming ? board.inbox(peer, now, language) : board.sent(peer, now, language)) {
                out.add(view(v));
            }
        }
        return json.createObjectNode().set("messages", out);
    }

    private ObjectNode view(MessageView v) {
        ObjectNode n = json.createObjectNode();
        n.put("id", v.id());
        n.put("from", v.from().value());
        n.put("to", v.to().value());
        n.put("seq", v.seq());
        n.put("kind", v.kind().name());
        n.put("precedence", v.precedence().name());
        n.put("summary", v.summary());
        v.lang().ifPresent(l -> n.put("lang", l));
        n.put("time", EntryCodec.formatTime(v.time()));
        n.put("state", v.state().name());
        v.deadline().ifPresent(d -> n.put("deadline", EntryCodec.formatTime(d)));
        v.acknowledgedBy().ifPresent(o -> n.put("acknowledgedBy", o));
        return n;
    }

    private JsonNode send(JsonNode body) {
        StationId to = parse(() -> StationId.of(ApiServer.requiredText(body, "to")), "to");
        MessageContent content;
        Precedence suggested = Precedence.ROUTINE;
        if (body.hasNonNull("draft")) {
            String id = ApiServer.requiredText(body, "draft");
            WatchService w = watch.orElseThrow(() -> new ApiException(400,
                    "this station runs no encounter watch ([watch] in station.toml), so it has no drafts"));
            try {
                content = w.notice(id);
            } catch (StationException e) {
                throw new ApiException(404, e.getMessage());
            }
            suggested = Precedence.IMMEDIATE;
        } else if (body.hasNonNull("template")) {
            String id = ApiServer.requiredText(body, "template");
            if (!body.path("fields").isObject()) {
                throw new ApiException(400, "field 'fields' is required with a template (a JSON object)");
            }
            Form form = catalog.latest(id).orElseThrow(() -> new ApiException(400, "field 'template': no form '" + id
                    + "' in the catalog; see 'macm template list'"));
            try {
                content = catalog.message(id, (ObjectNode) body.get("fields"));
            } catch (TemplateValidationException e) {
                throw new ApiException(400, e.getMessage());
            }
            suggested = form.precedence();
        } else {
            String text = ApiServer.requiredText(body, "text");
            String lang = body.hasNonNull("lang") ? body.get("lang").asText() : "en";
            content = parse(() -> new MessageContent.FreeText(lang, text), "lang");
        }
        Precedence fallback = suggested;
        Precedence precedence = body.hasNonNull("precedence")
                ? parse(() -> Precedence.valueOf(body.get("precedence").asText()), "precedence (FLASH, IMMEDIATE, PRIORITY or ROUTINE)")
                : fallback;
        SignedEntry e = station.write(to, new Body.Message(precedence, content));
        return json.createObjectNode().put("id", station.id() + "/" + e.seq()).put("seq", e.seq())
                .put("hash", e.hash().hex());
    }

    private JsonNode message(String author, String seqText, Language language) {
        StationId who = parse(() -> StationId.of(author), "author");
        long seq = parse(() -> Long.parseLong(seqText), "seq");
        Instant now = station.clock().instant();
        for (StationId peer : peers()) {
            boolean ours = who.equals(station.id());
            if (!ours && !who.equals(peer)) {
                continue;
            }
            Optional<MessageView> found = board.message(peer, ours, seq, now, language);
            if (found.isPresent()) {
                ObjectNode n = view(found.get());
                board.render(ours ? station.ownLog(peer) : station.peerLog(peer), seq, language).ifPresent(r -> {
                    ObjectNode rendered = n.putObject("rendered");
                    rendered.put("language", r.language().tag());
                    rendered.put("title", r.title());
                    rendered.put("body", r.body());
                    rendered.put("untranslated", r.untranslated());
                    rendered.put("raw", r.raw());
                });
                return n;
            }
        }
        throw new ApiException(404, "no message " + who + "/" + seq);
    }

    private JsonNode acknowledge(JsonNode body) {
        String id = ApiServer.requiredText(body, "id");
        int slash = id.indexOf('/');
        if (slash < 1) {
            throw new ApiException(400, "field 'id' is AUTHOR/SEQ, e.g. cn-mnd/7, not '" + id + "'");
        }
        StationId peer = parse(() -> StationId.of(id.substring(0, slash)), "id");
        long seq = parse(() -> Long.parseLong(id.substring(slash + 1)), "id");
        String officer = ApiServer.requiredText(body, "officer");
        Optional<String> remark = body.hasNonNull("remark") ? Optional.of(body.get("remark").asText()) : Optional.empty();
        SignedEntry e = station.acknowledge(peer, seq, officer, remark);
        return json.createObjectNode().put("id", station.id() + "/" + e.seq()).put("acknowledges", id);
    }

    private ObjectNode head(Head h) {
        return json.createObjectNode().put("seq", h.seq()).put("hash", h.hash().hex());
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parse(Parse<T> p, String field) {
        try {
            return p.get();
        } catch (MacmException | IllegalArgumentException e) {
            throw new ApiException(400, "field '" + field + "': " + e.getMessage());
        }
    }
}
