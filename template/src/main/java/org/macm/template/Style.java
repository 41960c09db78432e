package org.macm.template;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The formatting of values for one reader: positions in degrees and minutes, date-time
 * groups with the local time beside them, durations, distances. The field types write
 * their values through it. The formatting is the same in every language; the words and
 * their order come from the language's {@link Phrases}. Nothing here reads the default
 * locale or time zone.
 */
final class Style {
    private final Phrases phrases;

    Style(Phrases phrases) {
        this.phrases = phrases;
    }

    static Style of(Language language) {
        return new Style(Phrases.of(language));
    }

    Phrases phrases() {
        return phrases;
    }

    /** Degrees and minutes to a tenth, each with its hemisphere: 北緯 25°45.0′ 東経 123°30.0′, 25°45.0′N 123°30.0′E. */
    String position(PositionType.Position p) {
        Coordinate lat = Coordinate.latitude(p.lat());
        Coordinate lon = Coordinate.longitude(p.lon());
        return phrases.latitude(lat.text(), lat.positive()) + " " + phrases.longitude(lon.text(), lon.positive());
    }

    /** The DTG, and beside it the local time of a reader who does not keep UTC. */
    String dateTime(Instant instant, ZoneId zone) {
        String dtg = DateTimeGroup.dtg(instant);
        if (DateTimeGroup.isUtc(zone)) {
            return dtg;
        }
        ZonedDateTime t = DateTimeGroup.local(instant, zone);
        String label = DateTimeGroup.isJapan(zone) ? phrases.japanTime()
                : DateTimeGroup.isChina(zone) ? phrases.chinaTime() : phrases.otherZone(DateTimeGroup.offset(t));
        return phrases.withLocalTime(dtg, label, t);
    }

    /** The non-zero days, hours, minutes and seconds, each followed by its unit. */
    String duration(Duration d) {
        long[] parts = {d.toDaysPart(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart()};
        List<String> units = phrases.durationUnits();
        List<String> out = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != 0) {
                out.add(parts[i] + units.get(i));
            }
        }
        return String.join(phrases.durationSeparator(), out);
    }

    /** Nautical miles to at most one decimal. */
    String distance(BigDecimal nauticalMiles) {
        return Numbers.decimal(nauticalMiles, 1) + phrases.nauticalMiles();
    }
}
