package org.macm.template;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Military date-time groups and the local times shown beside them. A DTG is
 * {@code DDHHMMZ MON YY} in UTC ({@code 011200Z APR 23}) with the English month whatever the
 * reader's language, as both forces write it; seconds are cut, not rounded, so a DTG never
 * names a minute that had not begun. The forms render with it, and the console shows it
 * beside every local time, so both write a DTG the same way.
 */
public final class DateTimeGroup {
    private static final String[] MONTHS =
            {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

    private DateTimeGroup() {
    }

    /** {@code 011200Z APR 23}: {@code instant} as a DTG, in UTC, to the minute. */
    public static String dtg(Instant instant) {
        ZonedDateTime t = instant.truncatedTo(ChronoUnit.MINUTES).atZone(ZoneOffset.UTC);
        return two(t.getDayOfMonth()) + two(t.getHour()) + two(t.getMinute()) + "Z "
                + MONTHS[t.getMonthValue() - 1] + " " + two(t.getYear() % 100);
    }

    /** The local time the reader keeps, to the minute. */
    static ZonedDateTime local(Instant instant, ZoneId zone) {
        return instant.truncatedTo(ChronoUnit.MINUTES).atZone(zone);
    }

    /** Whether the reader keeps UTC, in which case the DTG alone is the local time. */
    static boolean isUtc(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC);
    }

    static boolean isJapan(ZoneId zone) {
        return zone.getId().equals("Asia/Tokyo") || zone.getId().equals("Japan");
    }

    static boolean isChina(ZoneId zone) {
        return switch (zone.getId()) {
            case "Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin", "PRC" -> true;
            default -> false;
        };
    }

    /** {@code UTC+09:00}, the zone's offset at that time, for zones without an agreed name. */
    static String offset(ZonedDateTime t) {
        return "UTC" + t.getOffset().getId();
    }

    static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
