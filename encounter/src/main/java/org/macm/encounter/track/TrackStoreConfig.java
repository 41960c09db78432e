package org.macm.encounter.track;

import java.time.Duration;
import java.util.Objects;
import org.macm.encounter.EncounterException;
import org.macm.encounter.json.UnitKind;

/**
 * How long the track store keeps a unit without a new fix, per kind, and how long it keeps a
 * name heard without any position (an AIS type 5 from a ship whose position reports are lost).
 *
 * @param vesselMaxAge default 10 minutes: a ship at anchor or a slow class B ship reports only
 *     every 3 minutes, so three reports may be lost before it is dropped
 * @param aircraftMaxAge default 1 minute: ADS-B positions come twice a second
 * @param identityMaxAge default 1 hour
 */
public record TrackStoreConfig(Duration vesselMaxAge, Duration aircraftMaxAge, Duration identityMaxAge) {

    public TrackStoreConfig {
        Objects.requireNonNull(vesselMaxAge, "vesselMaxAge");
        Objects.requireNonNull(aircraftMaxAge, "aircraftMaxAge");
        Objects.requireNonNull(identityMaxAge, "identityMaxAge");
        if (vesselMaxAge.isNegative() || vesselMaxAge.isZero() || aircraftMaxAge.isNegative() || aircraftMaxAge.isZero()
                || identityMaxAge.isNegative()) {
            throw new EncounterException("track max ages must be positive");
        }
    }

    /** 10 minutes for vessels, 1 minute for aircraft, 1 hour for names. */
    public static TrackStoreConfig defaults() {
        return new TrackStoreConfig(Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofHours(1));
    }

    /** The max age for a unit of {@code kind}. */
    public Duration maxAge(UnitKind kind) {
        return kind == UnitKind.AIRCRAFT ? aircraftMaxAge : vesselMaxAge;
    }
}
