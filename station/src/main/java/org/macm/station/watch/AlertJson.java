package org.macm.station.watch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.macm.core.log.EntryCodec;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.alert.EncounterAlert;
import org.macm.encounter.alert.PairKind;
import org.macm.encounter.alert.SafetyAlert;
import org.macm.encounter.alert.ZoneAlert;
import org.macm.encounter.track.TrackState;

/**
 * An alert's latest figures as JSON for scripts ({@code GET /api/v1/alerts},
 * {@code macm alerts --json}): the units and where they were at the alert's time, and for an
 * encounter its closest point of approach: when, how far apart, and where each unit will be
 * then (dead reckoning from its last fix, the engine's own prediction). Positions have 5
 * decimals, distances 2, like the draft notice.
 */
final class AlertJson {
    private final Function<PairKind, Duration> horizon;

    /** @param horizon how far ahead the engine predicts for each pair kind (the CPA is clamped to it) */
    AlertJson(Function<PairKind, Duration> horizon) {
        this.horizon = horizon;
    }

    /** The figures of {@code last}: what {@link AlertText} says, as fields. */
    ObjectNode of(AlertEvent last) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (last instanceof AlertEvent.Cleared c) {
            n.put("reason", c.reason().name());
        }
        switch (last.alert()) {
            case EncounterAlert a -> {
                n.put("kind", a.kind().name().toLowerCase(Locale.ROOT));
                n.set("unitA", unit(a.a(), a.positionA(), a.altitudeAFeet()));
                n.set("unitB", unit(a.b(), a.positionB(), a.altitudeBFeet()));
                n.put("rangeNm", round(a.rangeNm(), 2));
                ObjectNode cpa = n.putObject("cpa");
                double minutes = Math.min(Math.max(0, a.tcpaMinutes()), horizon.apply(a.kind()).toSeconds() / 60.0);
                Instant at = a.time().plusMillis(Math.round(minutes * 60_000));
                cpa.put("time", EntryCodec.formatTime(at));
                cpa.put("tcpaMinutes", round(a.tcpaMinutes(), 1));
                cpa.put("distanceNm", round(a.cpaNm(), 2));
                cpa.set("positionA", position(a.a().positionAt(at)));
                cpa.set("positionB", position(a.b().positionAt(at)));
                a.verticalSeparationFeet().ifPresent(v -> cpa.put("verticalSeparationFeet", Math.round(v)));
            }
            case ZoneAlert z -> {
                n.put("kind", "zone");
                n.set("unit", unit(z.unit(), z.position(), z.unit().altitudeAt(z.time())));
                n.putObject("zone").put("name", z.zoneName()).put("kind", z.zoneKind()).put("side", z.zoneSide().code());
            }
            case SafetyAlert s -> {
                n.put("kind", "safety");
                ObjectNode u = n.putObject("unit");
                u.put("id", s.unit().identifiers().get(0).key());
                u.put("name", s.name());
                u.put("side", s.unit().side().code());
                u.put("kind", s.unit().kind().name().toLowerCase(Locale.ROOT));
                s.position().ifPresent(p -> u.set("position", position(p)));
                ObjectNode m = n.putObject("safety");
                m.put("text", s.text());
                s.to().ifPresent(to -> m.put("to", to.key()));
            }
        }
        return n;
    }

    private static ObjectNode unit(TrackState t, GeoPoint at, OptionalDouble altitudeFeet) {
        ObjectNode u = JsonNodeFactory.instance.objectNode();
        u.put("id", t.unit().identifiers().get(0).key());
        u.put("name", t.displayName());
        u.put("side", t.unit().side().code());
        u.put("kind", t.kind().name().toLowerCase(Locale.ROOT));
        u.set("position", position(at));
        altitudeFeet.ifPresent(f -> u.put("altitudeFeet", Math.round(f)));
        return u;
    }

    private static ObjectNode position(GeoPoint p) {
        return JsonNodeFactory.instance.objectNode().put("lat", round(p.latitude(), 5)).put("lon", round(p.longitude(), 5));
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
