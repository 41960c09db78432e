package org.macm.station.traffic;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as a duty officer reads them in a line of text: UTC to the second, {@code 2026-11-30
 * 03:12:09Z}, or only {@code 03:12:09Z} when the day is today's. The API keeps the full
 * ISO form with milliseconds; these are for the sentences the CLI and the refusals print.
 */
public final class DutyTime {
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private DutyTime() {
    }

    /** {@code 2026-11-30 03:12:09Z} */
    public static String full(Instant time) {
        return FULL.format(time);
    }

    /** {@code 03:12:09Z} if {@code time} falls on the same UTC day as {@code now}, else the full form. */
    public static String sinceToday(Instant time, Instant now) {
        boolean today = time.atZone(ZoneOffset.UTC).toLocalDate().equals(now.atZone(ZoneOffset.UTC).toLocalDate());
        return today ? CLOCK.format(time) : FULL.format(time);
    }
}
