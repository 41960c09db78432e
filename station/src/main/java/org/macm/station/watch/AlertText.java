package org.macm.station.watch;

import java.util.Locale;
import org.macm.encounter.alert.AlertEvent;
import org.macm.encounter.alert.EncounterAlert;
import org.macm.encounter.alert.SafetyAlert;
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
            case SafetyAlert s -> String.format(Locale.ROOT, "safety message from %s %s (%s): %s", s.unit().side(), s.name(),
                    s.to().map(to -> "to " + to.key()).orElse("broadcast"), quoted(s.text()));
        };
        String tail = event instanceof AlertEvent.Cleared c ? "  [" + c.reason() + "]" : "";
        return event.alert().time() + "  " + step + "  " + what + tail + "  {" + event.alert().id() + "}";
    }

    /**
     * Untrusted text as received, in double quotes, on one line: a quote or backslash is
     * escaped with a backslash, and any control or non-ASCII character is written as
     * {@code \\uXXXX}, so the text can neither end the quote, break the line, nor steer a
     * terminal.
     */
    static String quoted(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static String unit(TrackState t) {
        return t.unit().side() + " " + t.displayName();
    }
}
