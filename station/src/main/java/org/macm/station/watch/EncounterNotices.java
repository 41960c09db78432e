package org.macm.station.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import org.macm.core.log.MessageContent;
import org.macm.encounter.alert.DraftNotice;
import org.macm.template.Catalog;

/**
 * Turns the encounter watch's draft into the catalog's {@code encounter-notice}, as the
 * station of {@code ownSide} would send it: its own unit under "our units", the other side's
 * under "your units", the closest approach as the closest distance, the prediction in the
 * remarks. The result is validated against the catalog, so a draft that would not render
 * exactly in both languages is never offered. Zone entries have no such form yet.
 */
public final class EncounterNotices {
    private static final String FORM = "encounter-notice";

    private final Catalog catalog;

    public EncounterNotices(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The notice the station of {@code ownSide} (e.g. "JP") would send, if the draft is about an encounter. */
    public Optional<MessageContent.Template> notice(DraftNotice draft, String ownSide) {
        ObjectNode d = draft.fields();
        if (!d.has("unitA") || !d.has("unitB")) {
            return Optional.empty();
        }
        boolean aIsOurs = d.path("unitA").path("side").asText().equalsIgnoreCase(ownSide);
        JsonNode own = aIsOurs ? d.get("unitA") : d.get("unitB");
        JsonNode other = aIsOurs ? d.get("unitB") : d.get("unitA");
        if (!own.path("side").asText().equalsIgnoreCase(ownSide)) {
            return Optional.empty();
        }
        ObjectNode f = JsonMapper.builder().build().createObjectNode();
        f.put("time", d.path("time").asText());
        f.set("position", d.get("position").deepCopy());
        f.putArray("ownUnits").add(unit(own));
        f.putArray("otherUnits").add(unit(other));
        f.put("closestDistance", Math.max(0.1, d.path("cpa").asDouble()));
        f.putObject("remarks").put("lang", "en").put("text", String.format(Locale.ROOT,
                "Predicted by the encounter watch: closest approach %.1f nm in %.0f minutes; range now %.1f nm.",
                d.path("cpa").asDouble(), Math.max(0, d.path("tcpa").asDouble()), d.path("range").asDouble()));
        return Optional.of(catalog.message(FORM, f));
    }

    private ObjectNode unit(JsonNode u) {
        ObjectNode out = JsonMapper.builder().build().createObjectNode();
        String side = u.path("side").asText().toLowerCase(Locale.ROOT);
        out.put("side", side.equals("jp") || side.equals("cn") ? side : "other");
        String type = u.path("type").asText("").toLowerCase(Locale.ROOT).replace(' ', '-');
        boolean air = u.path("kind").asText().equals("aircraft");
        out.put("type", catalog.vocabulary().unitKind(type).isPresent() ? type : air ? "aircraft" : "vessel");
        text(u, "name").ifPresent(n -> out.put("name", n.length() > 40 ? n.substring(0, 40) : n));
        text(u, "hull").filter(h -> h.matches("[A-Za-z0-9-]{1,12}")).ifPresent(h -> out.put("number", h));
        text(u, "mmsi").ifPresent(m -> out.put("mmsi", m));
        text(u, "icao24").ifPresent(i -> out.put("icao", i.toUpperCase(Locale.ROOT)));
        text(u, "callsign").map(c -> c.toUpperCase(Locale.ROOT)).filter(c -> c.matches("[A-Z0-9]{2,10}"))
                .ifPresent(c -> out.put("callSign", c));
        return out;
    }

    private static Optional<String> text(JsonNode node, String key) {
        return node.hasNonNull(key) && !node.get(key).asText().isBlank() ? Optional.of(node.get(key).asText())
                : Optional.empty();
    }
}
