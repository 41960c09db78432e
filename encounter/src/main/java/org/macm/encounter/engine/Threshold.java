package org.macm.encounter.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;
import org.macm.encounter.EncounterException;

/**
 * When a pair of units is a close encounter: their predicted horizontal separation falls to
 * {@code horizontalNm} or less, and (where it applies) their vertical separation at the same
 * time to {@code verticalFeet} or less, within {@code horizon} from now.
 *
 * @param horizontalNm nautical miles, more than 0
 * @param verticalFeet feet, more than 0; absent for two vessels
 * @param horizon how far ahead to predict, more than 0 and at most 2 hours (straight-line
 *     prediction means little beyond that)
 */
public record Threshold(double horizontalNm, OptionalDouble verticalFeet, Duration horizon) {

    public Threshold {
        Objects.requireNonNull(verticalFeet, "verticalFeet");
        Objects.requireNonNull(horizon, "horizon");
        if (!(horizontalNm > 0 && horizontalNm <= 100)) {
            throw new EncounterException("a horizontal threshold is in (0, 100] nm, got " + horizontalNm);
        }
        if (verticalFeet.isPresent() && !(verticalFeet.getAsDouble() > 0 && verticalFeet.getAsDouble() <= 100_000)) {
            throw new EncounterException("a vertical threshold is in (0, 100000] ft, got " + verticalFeet.getAsDouble());
        }
        if (horizon.isNegative() || horizon.isZero() || horizon.compareTo(Duration.ofHours(2)) > 0) {
            throw new EncounterException("a horizon is in (0, 2h], got " + horizon);
        }
    }

    /** Two vessels: 2 nm within 20 minutes. */
    public static Threshold surfaceDefault() {
        return new Threshold(2.0, OptionalDouble.empty(), Duration.ofMinutes(20));
    }

    /** Two aircraft: 5 nm and 1,000 ft within 5 minutes. */
    public static Threshold airDefault() {
        return new Threshold(5.0, OptionalDouble.of(1000), Duration.ofMinutes(5));
    }

    /**
     * A vessel and an aircraft: 1 nm and 1,000 ft (the aircraft's altitude, the ship at sea
     * level) within 5 minutes, i.e. a low pass over or close by a ship, the kind of unsafe
     * intercept the CUES-style notices are about; an aircraft passing high overhead is routine.
     */
    public static Threshold mixedDefault() {
        return new Threshold(1.0, OptionalDouble.of(1000), Duration.ofMinutes(5));
    }
}
