package org.macm.encounter.ais;

import java.util.Optional;
import org.macm.encounter.GeoPoint;
import org.macm.encounter.decode.DecodeStats;

/**
 * The one rule for AIS positions, whatever their resolution (1/10000 minute in position
 * reports, 1/10 minute in types 17, 22, 23 and 27): the "not available" code (91 degrees
 * latitude or 181 longitude) is absent; any other value outside the globe is absent too and
 * counted as out of range, since a corrupt position must not reach the watch.
 */
final class AisPoints {
    /** Units per degree of 1/10000-minute fields. */
    static final double TEN_THOUSANDTHS = 600_000.0;
    /** Units per degree of 1/10-minute fields. */
    static final double TENTHS = 600.0;

    private final DecodeStats stats;

    AisPoints(DecodeStats stats) {
        this.stats = stats;
    }

    /** The point of raw {@code lat} and {@code lon} in units of 1/{@code perDegree} degree. */
    Optional<GeoPoint> point(int lat, int lon, double perDegree) {
        int latNa = (int) Math.round(91 * perDegree);
        int lonNa = (int) Math.round(181 * perDegree);
        if (lat == latNa || lon == lonNa) {
            return Optional.empty();
        }
        double latitude = lat / perDegree;
        double longitude = lon / perDegree;
        if (!GeoPoint.isValid(latitude, longitude)) {
            stats.outOfRange();
            return Optional.empty();
        }
        return Optional.of(new GeoPoint(latitude, longitude));
    }
}
