package org.macm.encounter.engine;

import java.time.Duration;
import java.util.Objects;
import org.macm.encounter.EncounterException;
import org.macm.encounter.alert.PairKind;
import org.macm.encounter.track.TrackStoreConfig;
import org.macm.encounter.unit.Parties;

/**
 * Everything an {@link EncounterEngine} needs to judge pairs, validated at construction.
 * Start from {@link #defaults} and change what differs with the withers, e.g.
 * {@code EncounterConfig.defaults(parties).withSurface(threshold).withCellSizeNm(10)}; each
 * wither validates the whole config again.
 *
 * @param parties the two sides whose units are compared
 * @param surface thresholds for two vessels (default 2 nm within 20 min)
 * @param air thresholds for two aircraft (default 5 nm and 1,000 ft within 5 min)
 * @param mixed thresholds for a vessel and an aircraft (default 1 nm and 1,000 ft within 5 min)
 * @param clearFactor hysteresis: an alert stays up while the prediction is within this
 *     factor times the thresholds (default 1.2; at least 1)
 * @param clearAfter hysteresis: the clear condition must hold this long before an alert is
 *     cleared (default 60 s)
 * @param updateFraction an UPDATED event is emitted when the CPA moves by this fraction of
 *     the horizontal threshold or the predicted CPA time by {@code updateShift} (default 0.1)
 * @param updateShift see {@code updateFraction} (default 60 s)
 * @param ages how old a track may get before it is no longer judged (the track store's ages)
 * @param cellSizeNm the spatial index's cell size (default 20 nm); any value is correct,
 *     this one keeps a vessel's query to a few cells and an aircraft's to a few dozen
 */
public record EncounterConfig(
        Parties parties,
        Threshold surface,
        Threshold air,
        Threshold mixed,
        double clearFactor,
        Duration clearAfter,
        double updateFraction,
        Duration updateShift,
        TrackStoreConfig ages,
        double cellSizeNm) {

    public EncounterConfig {
        Objects.requireNonNull(parties, "parties");
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(air, "air");
        Objects.requireNonNull(mixed, "mixed");
        Objects.requireNonNull(clearAfter, "clearAfter");
        Objects.requireNonNull(updateShift, "updateShift");
        Objects.requireNonNull(ages, "ages");
        if (surface.verticalFeet().isPresent()) {
            throw new EncounterException("the surface threshold has no vertical separation");
        }
        if (air.verticalFeet().isEmpty() || mixed.verticalFeet().isEmpty()) {
            throw new EncounterException("the air and mixed thresholds need a vertical separation");
        }
        if (!(clearFactor >= 1 && clearFactor <= 10)) {
            throw new EncounterException("clearFactor is in [1, 10], got " + clearFactor);
        }
        if (clearAfter.isNegative() || clearAfter.compareTo(Duration.ofHours(1)) > 0) {
            throw new EncounterException("clearAfter is in [0, 1h], got " + clearAfter);
        }
        if (!(updateFraction > 0 && updateFraction <= 10)) {
            throw new EncounterException("updateFraction is in (0, 10], got " + updateFraction);
        }
        if (updateShift.isNegative() || updateShift.isZero()) {
            throw new EncounterException("updateShift must be positive, got " + updateShift);
        }
        if (!(cellSizeNm >= 1 && cellSizeNm <= 600)) {
            throw new EncounterException("cellSizeNm is in [1, 600], got " + cellSizeNm);
        }
    }

    /** The defaults above for {@code parties}. */
    public static EncounterConfig defaults(Parties parties) {
        return new EncounterConfig(parties, Threshold.surfaceDefault(), Threshold.airDefault(), Threshold.mixedDefault(),
                1.2, Duration.ofSeconds(60), 0.1, Duration.ofSeconds(60), TrackStoreConfig.defaults(), 20);
    }

    /** This config with {@code parties} instead. */
    public EncounterConfig withParties(Parties parties) {
        return new EncounterConfig(parties, surface, air, mixed, clearFactor, clearAfter, updateFraction, updateShift, ages,
                cellSizeNm);
    }

    /** This config with the thresholds for two vessels replaced. */
    public EncounterConfig withSurface(Threshold surface) {
        return new EncounterConfig(parties, surface, air, mixed, clearFactor, clearAfter, updateFraction, updateShift, ages,
                cellSizeNm);
    }

    /** This config with the thresholds for two aircraft replaced. */
    public EncounterConfig withAir(Threshold air) {
        return new EncounterConfig(parties, surface, air, mixed, clearFactor, clearAfter, updateFraction, updateShift, ages,
                cellSizeNm);
    }

    /** This config with the thresholds for a vessel and an aircraft replaced. */
    public EncounterConfig withMixed(Threshold mixed) {
        return new EncounterConfig(parties, surface, air, mixed, clearFactor, clearAfter, updateFraction, updateShift, ages,
                cellSizeNm);
    }

    /** This config with another hysteresis factor. */
    public EncounterConfig withClearFactor(double clearFactor) {
        return new EncounterConfig(parties, surface, air, mixed, clearFactor, clearAfter, updateFraction, updateShift, ages,
                cellSizeNm);
    }

    /** This config with another hold time before an alert clears. */
    public EncounterConfig withClearAfter(Duration clearAfter) {
        return new EncounterConfig(parties, surface, air, mixed, clearFactor, clearAfter, updateFraction, updateShift, ages,
                cellSizeNm);
    }

    /** This config with another CPA change that makes an UPDATED event. */
    public EncounterConfig withUpdateFraction(double updateFraction) {
        return new EncounterConfig(parties, surface, air, mixed, clearFactor, clearAfter, updateFraction, updateShift, ages,
                cellSizeNm);
    }

    /** This config with another CPA time shift that makes an UPDATED event. */
    public EncounterConfig withUpdateShift(Duration updateShift) {
        return new EncounterConfig(parties, surface, air, mixed, clearFactor, clearAfter, updateFraction, updateShift, ages,
                cellSizeNm);
    }

    /** This config with other track ages. */
    public EncounterConfig withAges(TrackStoreConfig ages) {
        return new EncounterConfig(parties, surface, air, mixed, clearFactor, clearAfter, updateFraction, updateShift, ages,
                cellSizeNm);
    }

    /** This config with another grid cell size. */
    public EncounterConfig withCellSizeNm(double cellSizeNm) {
        return new EncounterConfig(parties, surface, air, mixed, clearFactor, clearAfter, updateFraction, updateShift, ages,
                cellSizeNm);
    }

    /** The thresholds for pairs of {@code kind}. */
    public Threshold threshold(PairKind kind) {
        return switch (kind) {
            case SURFACE -> surface;
            case AIR -> air;
            case MIXED -> mixed;
        };
    }
}
