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
 * exactly in both languages is never offered. A zone entry becomes the catalog's
 * {@code zone-entry-notice}: the unit inside, the area by its announced name, and which side
 * announced it, as seen from {@code ownSide}.
 */
public final class EncounterNotices {
    private static final String FORM = "encounter-notice";
    private static final String ZONE_FORM = "zone-entry-notice";
    /** A {@code reference} field: printable ASCII, single spaces, at most 64 characters. */
    private static final int REFERENCE_MAX = 64;

    private final Catalog catalog;

    public EncounterNotices(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The notice the station of {@code ownSide} (e.g. "JP") would send, if the draft is about an encounter. */
    public Optional<MessageContent.Template> notice(DraftNotice draft, String ownSide) {
        ObjectNode d = draft.fields();
        if (d.has("zone") && d.has("unitA")) {
            return zoneNotice(d, ownSide);
        }
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

    /** The unit inside the zone, and whether {@code ownSide} announced the zone or owns the unit. */
    private Optional<MessageContent.Template> zoneNotice(ObjectNode d, String ownSide) {
        JsonNode zone = d.get("zone");
        boolean ourZone = zone.path("side").asText().equalsIgnoreCase(ownSide);
        boolean ourUnit = d.path("unitA").path("side").asText().equalsIgnoreCase(ownSide);
        if (ourZone == ourUnit) {
            return Optional.empty(); // a third party's zone or unit: not ours to notify
        }
        ObjectNode f = JsonMapper.builder().build().createObjectNode();
        f.put("time", d.path("time").asText());
        f.set("position", d.get("position").deepCopy());
        f.putArray("units").add(unit(d.get("unitA")));
        String name = zone.path("name").asText();
        String area = reference(name);
        f.put("area", area);
        String kind = zone.path("kind").asText();
        if (kind.equals("exercise-area") || kind.equals("firing-area") || kind.equals("boundary")) {
            f.put("areaKind", kind);
        }
        f.put("announcedBy", ourZone ? "us" : "you");
        StringBuilder remarks = new StringBuilder("Seen by the encounter watch");
        if (d.has("altitudeA")) {
            remarks.append(String.format(Locale.ROOT, " at %,d ft", d.get("altitudeA").asLong()));
        }
        remarks.append('.');
        if (!area.equals(name)) {
            remarks.append(" Area as announced: ").append(name);
        }
        f.putObject("remarks").put("lang", "en").put("text", remarks.toString());
        return Optional.of(catalog.message(ZONE_FORM, f));
    }

    /** A zone's name as a reference code: anything but printable ASCII becomes '?', spaces single, 64 at most. */
    private static String reference(String name) {
        StringBuilder b = new StringBuilder();
        String stripped = name.strip();
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c == ' ' || Character.isWhitespace(c)) {
                if (!b.isEmpty() && b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
            } else {
                b.append(c >= '!' && c <= '~' ? c : '?');
            }
        }
        String code = b.length() > REFERENCE_MAX ? b.substring(0, REFERENCE_MAX).strip() : b.toString().strip();
        return code.isEmpty() ? "?" : code;
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
