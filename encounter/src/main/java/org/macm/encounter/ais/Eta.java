package org.macm.encounter.ais;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Estimated time of arrival as a ship's crew enters it: month, day, hour and minute in UTC,
 * without a year. Each part has its own "not available" code (month 0, day 0, hour 24,
 * minute 60) and is absent when so coded or out of range; when all four are, the whole ETA
 * is absent.
 */
public record Eta(OptionalInt month, OptionalInt day, OptionalInt hour, OptionalInt minute) {

    static Optional<Eta> of(int month, int day, int hour, int minute) {
        OptionalInt m = month >= 1 && month <= 12 ? OptionalInt.of(month) : OptionalInt.empty();
        OptionalInt d = day >= 1 && day <= 31 ? OptionalInt.of(day) : OptionalInt.empty();
        OptionalInt h = hour <= 23 ? OptionalInt.of(hour) : OptionalInt.empty();
        OptionalInt n = minute <= 59 ? OptionalInt.of(minute) : OptionalInt.empty();
        if (m.isEmpty() && d.isEmpty() && h.isEmpty() && n.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Eta(m, d, h, n));
    }
}
