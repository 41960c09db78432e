package org.macm.encounter.alert;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.OptionalDouble;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.track.TrackState;
import org.macm.encounter.unit.Identifier;

/**
 * The draft hotline notice a new alert carries: template {@value #TEMPLATE} version
 * {@value #VERSION} with its fields filled, ready for an officer to review and send
 * ({@code macm send --draft ALERT_ID}). The fields are a JSON object, in the types of the
 * template catalog (position {@code {"lat":..,"lon":..}}, time a UTC string to the second,
 * distances in nautical miles and durations in minutes as numbers, units as objects):
 *
 * <pre>
 * {"time": "2026-11-29T03:38:00Z",                 alert time, UTC, whole seconds
 *  "position": {"lat": 29.81, "lon": 125.29},      midpoint of the two units (the unit, for a zone)
 *  "unitA": {"name": "JS KONGO", "type": "destroyer", "side": "JP", "kind": "vessel",
 *            "mmsi": "431999001", "callsign": "JSKG", "hull": "DDG-173"},
 *                                                  the first party's unit; every identifier it has
 *  "positionA": {"lat": .., "lon": ..},            where dead reckoning puts it at "time"
 *  "altitudeA": 1500,                              feet, aircraft only
 *  "unitB": {...}, "positionB": {...}, "altitudeB": ..   the other unit
 *  "range": 3.1,                                   nm now, 2 decimals
 *  "cpa": 1.2,                                     nm, closest approach within the horizon
 *  "tcpa": 7.5,                                    minutes to it, 1 decimal (negative: past)
 *  "verticalSeparation": 600,                      feet at the closest approach, when known
 *  "zone": {"name": .., "kind": .., "side": ..}    zone alerts only, instead of unitB and the CPA
 *  "safety": {"text": .., "to": "mmsi:.."}}         safety messages only: the text as received, untrusted
 * </pre>
 *
 * Coordinates have 5 decimals (about 1 m). The shape will be aligned with the template
 * catalog's encounter notice when it lands; {@link #fields()} returns a copy each call.
 *
 * @param alertId the alert this draft belongs to
 */
public record DraftNotice(String alertId, String template, int version, ObjectNode fields) {
    /** The template a draft fills. */
    public static final String TEMPLATE = "unplanned-encounter";
    /** The template's version. */
    public static final int VERSION = 1;

    public DraftNotice {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(template, "template");
        fields = fields.deepCopy();
    }

    @Override
    public ObjectNode fields() {
        return fields.deepCopy();
    }

    /** {@code {"template":..,"version":..,"alertId":..,"fields":{..}}}. */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("template", template);
        root.put("version", version);
        root.put("alertId", alertId);
        root.set("fields", fields.deepCopy());
        return root;
    }

    /** The draft for a new alert. */
    public static DraftNotice of(Alert alert) {
        ObjectNode f = JsonNodeFactory.instance.objectNode();
        f.put("time", alert.time().truncatedTo(ChronoUnit.SECONDS).toString());
        switch (alert) {
            case EncounterAlert e -> {
                f.set("position", position(midpoint(e.positionA(), e.positionB())));
                f.set("unitA", unit(e.a()));
                f.set("positionA", position(e.positionA()));
                altitude(f, "altitudeA", e.altitudeAFeet());
                f.set("unitB", unit(e.b()));
                f.set("positionB", position(e.positionB()));
                altitude(f, "altitudeB", e.altitudeBFeet());
                f.put("range", round(e.rangeNm(), 2));
                f.put("cpa", round(e.cpaNm(), 2));
                f.put("tcpa", round(e.tcpaMinutes(), 1));
                altitude(f, "verticalSeparation", e.verticalSeparationFeet());
            }
            case ZoneAlert z -> {
                f.set("position", position(z.position()));
                f.set("unitA", unit(z.unit()));
                f.set("positionA", position(z.position()));
                altitude(f, "altitudeA", z.unit().altitudeAt(z.time()));
                ObjectNode zone = f.putObject("zone");
                zone.put("name", z.zoneName());
                zone.put("kind", z.zoneKind());
                zone.put("side", z.zoneSide().code());
            }
            case SafetyAlert s -> {
                s.position().ifPresent(p -> f.set("position", position(p)));
                ObjectNode u = f.putObject("unitA");
                u.put("name", s.name());
                u.put("type", s.unit().type());
                u.put("side", s.unit().side().code());
                u.put("kind", s.unit().kind().name().toLowerCase(java.util.Locale.ROOT));
                for (Identifier id : s.unit().identifiers()) {
                    u.put(id.scheme(), id.text());
                }
                ObjectNode safety = f.putObject("safety");
                safety.put("text", s.text());
                s.to().ifPresent(to -> safety.put("to", to.key()));
            }
        }
        return new DraftNotice(alert.id(), TEMPLATE, VERSION, f);
    }

    private static ObjectNode unit(TrackState t) {
        ObjectNode u = JsonNodeFactory.instance.objectNode();
        u.put("name", t.displayName());
        u.put("type", t.unit().type());
        u.put("side", t.unit().side().code());
        u.put("kind", t.kind().name().toLowerCase(java.util.Locale.ROOT));
        for (Identifier id : t.unit().identifiers()) {
            u.put(id.scheme(), id.text());
        }
        if (!u.has("callsign") && t.callsign().isPresent()) {
            u.put("callsign", t.callsign().get());
        }
        return u;
    }

    private static ObjectNode position(GeoPoint p) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("lat", round(p.latitude(), 5));
        node.put("lon", round(p.longitude(), 5));
        return node;
    }

    private static void altitude(ObjectNode f, String key, OptionalDouble feet) {
        if (feet.isPresent()) {
            f.put(key, Math.round(feet.getAsDouble()));
        }
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** The midpoint along the shorter way round, so two units either side of 180° meet near it. */
    private static GeoPoint midpoint(GeoPoint a, GeoPoint b) {
        double dLon = org.macm.encounter.geo.Earth.normalizeLongitude(b.longitude() - a.longitude());
        double lon = org.macm.encounter.geo.Earth.normalizeLongitude(a.longitude() + dLon / 2);
        return new GeoPoint((a.latitude() + b.latitude()) / 2, lon);
    }
}
