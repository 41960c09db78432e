package org.macm.station.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.macm.core.log.Body;
import org.macm.core.log.LinkParameters;
import org.macm.core.log.Precedence;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.link.Links;
import org.macm.station.Station;
import org.macm.station.identity.Identity;
import org.macm.station.traffic.ComposeException;
import org.macm.station.traffic.Composer;
import org.macm.station.traffic.MessageBoard;
import org.macm.station.traffic.MessageView;
import org.macm.template.Language;

/**
 * The traffic routes: {@code GET /api/v1/inbox}, {@code GET /api/v1/sent}, {@code POST
 * /api/v1/messages} and {@code GET /api/v1/messages/{author}/{seq}}. Composing is the
 * composer's job; this class reads the request, hands it over and writes the answer.
 */
public final class MessagesHandler {
    /** The fields of a send request, in the order an error lists them. */
    static final List<String> SEND_FIELDS = List.of("to", "text", "lang", "template", "fields", "draft", "precedence");

    private final Station station;
    private final Links links;
    private final MessageBoard board;
    private final Composer composer;

    public MessagesHandler(Station station, Links links, MessageBoard board, Composer composer) {
        this.station = station;
        this.links = links;
        this.board = board;
        this.composer = composer;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/v1/inbox", Role.OPERATOR, r -> traffic(true, language(r))),
                new Route("GET", "/api/v1/sent", Role.OPERATOR, r -> traffic(false, language(r))),
                new Route("POST", "/api/v1/messages", Role.OPERATOR, r -> send(JsonRequest.of(r.body(), SEND_FIELDS))),
                new Route("GET", "/api/v1/messages/{author}/{seq}", Role.OPERATOR,
                        r -> message(r.param(1), r.param(2), language(r))));
    }

    private static Language language(Route.Request r) {
        String tag = r.query("lang").orElse("en");
        return Language.fromTag(tag).orElseThrow(() -> new ApiException(400, "query 'lang' is '" + tag
                + "'; use en, ja or zh-Hans"));
    }

    private List<StationId> peers() {
        return station.peers().all().stream().map(Identity::station).toList();
    }

    private JsonNode traffic(boolean incoming, Language language) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        Instant now = station.clock().instant();
        for (StationId peer : peers()) {
            for (MessageView v : incoming ? board.inbox(peer, now, language) : board.sent(peer, now, language)) {
                out.add(MessageJson.view(v));
            }
        }
        return JsonNodeFactory.instance.objectNode().set("messages", out);
    }

    private JsonNode send(JsonRequest body) {
        String toText = body.text("to");
        StationId to = JsonRequest.field("to", () -> StationId.of(toText));
        Optional<Precedence> precedence = body.optionalText("precedence").map(MessagesHandler::precedence);
        Composer.Composed message;
        try {
            if (body.has("draft")) {
                message = composer.draft(body.text("draft"), precedence);
            } else if (body.has("template")) {
                ObjectNode fields = body.optionalObject("fields").orElseThrow(() -> new ApiException(400,
                        "field 'fields' is required with a template (a JSON object)"));
                message = composer.template(body.text("template"), fields, precedence);
            } else {
                message = composer.freeText(body.text("text"), body.optionalText("lang").orElse("en"), precedence);
            }
        } catch (ComposeException e) {
            throw new ApiException(e.notFound() ? 404 : 400, e.getMessage());
        }
        SignedEntry e = station.write(to, new Body.Message(message.precedence(), message.content()));
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("id", station.id() + "/" + e.seq())
                .put("seq", e.seq()).put("hash", e.hash().hex());
        // The link's state now, so that the sender learns at once whether it goes out or waits.
        links.status(to).ifPresent(s -> answer.set("link", StatusHandler.linkState(s)));
        return answer;
    }

    /** A precedence by name, in any case: FLASH and flash are the same. */
    private static Precedence precedence(String name) {
        for (Precedence p : Precedence.values()) {
            if (p.name().equalsIgnoreCase(name.strip())) {
                return p;
            }
        }
        throw new ApiException(400, "field 'precedence' is '" + name + "'; use FLASH, IMMEDIATE, PRIORITY or ROUTINE");
    }

    private JsonNode message(String author, String seqText, Language language) {
        StationId who = JsonRequest.field("author", () -> StationId.of(author));
        long seq = JsonRequest.seq("seq", seqText);
        Instant now = station.clock().instant();
        boolean ours = who.equals(station.id());
        for (StationId peer : peers()) {
            if (!ours && !who.equals(peer)) {
                continue;
            }
            Optional<MessageView> found = board.message(peer, ours, seq, now, language);
            if (found.isPresent()) {
                ObjectNode n = MessageJson.view(found.get());
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
            if (station.store().get(ours ? station.ownLog(peer) : station.peerLog(peer), seq)
                    .filter(e -> LinkParameters.isAnnouncement(e.entry())).isPresent()) {
                throw new ApiException(404, who + "/" + seq + " announces " + who + "'s link parameters (its deadlines),"
                        + " not a message; macm status shows them");
            }
        }
        throw new ApiException(404, "no message " + who + "/" + seq);
    }
}
