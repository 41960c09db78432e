package org.macm.station.traffic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.macm.core.log.LinkParameters;
import org.macm.core.log.Precedence;
import org.macm.core.log.StationId;

/**
 * Deadlines and clock differences as {@code macm status} and the console's Link page write
 * them: "jp-mod expects: FLASH 5 min, IMMEDIATE 30 min, PRIORITY 3 h, ROUTINE 6 h".
 */
public final class DeadlineText {
    private DeadlineText() {
    }

    /** "FLASH 5 min, IMMEDIATE 30 min, PRIORITY 3 h, ROUTINE 6 h". */
    public static String of(LinkParameters p) {
        List<String> parts = new ArrayList<>();
        for (Precedence precedence : Precedence.values()) {
            parts.add(precedence + " " + of(p.deadline(precedence)));
        }
        return String.join(", ", parts);
    }

    /** "jp-mod expects: FLASH 5 min, …". */
    public static String expects(StationId who, LinkParameters p) {
        return who + " expects: " + of(p);
    }

    /** A duration in its two largest units: "5 min", "3 h", "1 h 30 min", "1 min 30 s", "73 d 4 h". */
    public static String of(Duration d) {
        long s = d.toSeconds();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "min", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (s >= sizes[i]) {
                String out = String.format(Locale.ROOT, "%d %s", s / sizes[i], units[i]);
                long next = i + 1 < sizes.length ? (s % sizes[i]) / sizes[i + 1] : 0;
                return next == 0 ? out : String.format(Locale.ROOT, "%s %d %s", out, next, units[i + 1]);
            }
        }
        return "0 s";
    }
}
