package org.macm.encounter;

/**
 * A position on the WGS 84 ellipsoid in decimal degrees, latitude north-positive and
 * longitude east-positive. Decoders only build one from a report that carried both
 * coordinates inside their ranges, so a {@code GeoPoint} is always a real place.
 */
public record GeoPoint(double latitude, double longitude) {

    public GeoPoint {
        if (!isValid(latitude, longitude)) {
            throw new EncounterException(
                    "a position needs latitude in [-90, 90] and longitude in [-180, 180], got "
                            + latitude + ", " + longitude);
        }
    }

    /** Whether the pair is a real place (finite, latitude in [-90, 90], longitude in [-180, 180]). */
    public static boolean isValid(double latitude, double longitude) {
        return latitude >= -90.0 && latitude <= 90.0 && longitude >= -180.0 && longitude <= 180.0;
    }
}
