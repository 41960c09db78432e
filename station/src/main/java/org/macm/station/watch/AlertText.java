package org.macm.station.watch;

import java.util.Locale;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.alert.EncounterAlert;
import org.macm.encounter.alert.ZoneAlert;
import org.macm.encounter.track.TrackState;

/** One line per alert event, as a watch officer reads it. */
public final class AlertText {
    private AlertText() {
    }

    public static String line(AlertEvent event) {
        String step = switch (event) {
            case AlertEvent.Raised r -> "NEW    ";
            case AlertEvent.Updated u -> "UPDATED";
            case AlertEvent.Cleared c -> "CLEARED";
        };
        String what = switch (event.alert()) {
            case EncounterAlert a -> String.format(Locale.ROOT, "%s encounter: %s and %s, range %.1f nm, CPA %.1f nm %s%s",
                    a.kind().toString().toLowerCase(Locale.ROOT), unit(a.a()), unit(a.b()), a.rangeNm(), a.cpaNm(),
                    a.tcpaMinutes() >= 0 ? String.format(Locale.ROOT, "in %.1f min", a.tcpaMinutes()) : "(passed)",
                    a.verticalSeparationFeet().isPresent()
                            ? String.format(Locale.ROOT, ", vertical %.0f ft", a.verticalSeparationFeet().getAsDouble()) : "");
            case ZoneAlert z -> String.format(Locale.ROOT, "zone entry: %s inside %s (%s, announced by %s)", unit(z.unit()),
                    z.zoneName(), z.zoneKind(), z.zoneSide());
        };
        String tail = event instanceof AlertEvent.Cleared c ? "  [" + c.reason() + "]" : "";
        return event.alert().time() + "  " + step + "  " + what + tail + "  {" + event.alert().id() + "}";
    }

    private static String unit(TrackState t) {
        return t.unit().side() + " " + t.displayName();
    }
}
