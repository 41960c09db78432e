package org.macm.station.feed;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.macm.encounter.feed.FeedFormat;

/**
 * The recorded time of a feed line, read cheaply and without decoding the message, so that a
 * replay can be paced: an AIS tag block's {@code c:} (seconds, or milliseconds when too large
 * for seconds, as the decoder reads it), an SBS-1 line's generated date and time, a JSON
 * track's {@code time}, an AVR line's 12 MHz receiver timestamp. A line without one has no
 * time and goes out at once.
 */
public final class FeedTimes {
    private static final Pattern TAG_TIME = Pattern.compile("^\\\\[^\\\\]*?c:(\\d{1,13})");
    private static final Pattern JSON_TIME = Pattern.compile("\"time\"\\s*:\\s*\"([^\"]+)\"");
    private static final DateTimeFormatter SBS = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSS", Locale.ROOT);

    private FeedTimes() {
    }

    public static Function<String, Optional<Instant>> of(FeedFormat format) {
        return switch (format) {
            case AIS -> FeedTimes::ais;
            case SBS -> FeedTimes::sbs;
            case JSON -> FeedTimes::json;
            case AVR, BEAST -> FeedTimes::avr;
        };
    }

    /**
     * An AVR line's receiver timestamp ({@code @} and 12 hex digits, Beast frames read as AVR
     * carry it too): a 12 MHz counter from an arbitrary start, so only the intervals between
     * frames mean anything, which is all a paced replay needs. 0 is a receiver without a clock.
     */
    static Optional<Instant> avr(String line) {
        if (line.length() < 13 || line.charAt(0) != '@') {
            return Optional.empty();
        }
        long ticks = 0;
        for (int i = 1; i <= 12; i++) {
            int d = Character.digit(line.charAt(i), 16);
            if (d < 0) {
                return Optional.empty();
            }
            ticks = ticks << 4 | d;
        }
        // 2^48 ticks * 1000 / 12 nanoseconds stays well inside a long.
        return ticks == 0 ? Optional.empty() : Optional.of(Instant.EPOCH.plusNanos(ticks * 1000 / 12));
    }

    static Optional<Instant> ais(String line) {
        Matcher m = TAG_TIME.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        long v = Long.parseLong(m.group(1));
        return Optional.of(v > 99_999_999_999L ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v));
    }

    static Optional<Instant> sbs(String line) {
        String[] f = line.split(",", 10);
        if (f.length < 9 || f[6].isEmpty() || f[7].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(f[6] + " " + f[7], SBS).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Instant> json(String line) {
        Matcher m = JSON_TIME.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(m.group(1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
