package org.macm.encounter.geo;

import org.macm.encounter.GeoPoint;

/**
 * The few geodesy formulas the watch needs, on the WGS 84 ellipsoid where accuracy matters
 * and on a sphere where only a bound is needed. All are pure functions of their arguments.
 *
 * <p>Conventions: latitudes and longitudes in degrees; courses in degrees true, clockwise
 * from north; distances in metres unless a name says nautical miles ({@code Nm}).
 */
public final class Earth {
    /** WGS 84 semi-major axis, metres. */
    public static final double A = 6_378_137.0;
    /** WGS 84 flattening. */
    public static final double F = 1 / 298.257223563;
    /** First eccentricity squared. */
    public static final double E2 = F * (2 - F);
    /** Mean radius R1 = (2a + b) / 3 of WGS 84, metres: the sphere used for index bounds. */
    public static final double MEAN_RADIUS = 6_371_008.8;
    /** One international nautical mile, metres. */
    public static final double NM = 1852.0;
    /** One knot, metres per second. */
    public static final double KNOT = NM / 3600.0;
    /** One foot, metres. */
    public static final double FOOT = 0.3048;

    private Earth() {}

    /** Meridional radius of curvature M at a latitude whose sine is {@code sinLat}. */
    public static double meridionalRadius(double sinLat) {
        double w = 1 - E2 * sinLat * sinLat;
        return A * (1 - E2) / (w * Math.sqrt(w));
    }

    /** Prime-vertical radius of curvature N at a latitude whose sine is {@code sinLat}. */
    public static double primeVerticalRadius(double sinLat) {
        return A / Math.sqrt(1 - E2 * sinLat * sinLat);
    }

    /** {@code lon} brought into [-180, 180). */
    public static double normalizeLongitude(double lon) {
        double l = ((lon + 180.0) % 360.0 + 360.0) % 360.0 - 180.0;
        return l;
    }

    /**
     * Where a unit at {@code from} is after {@code seconds} on a constant course at a constant
     * speed: a step along the rhumb line with the ellipsoid's local radii at the mean latitude.
     * Good to a few metres over the minutes between reports; longitude wraps at 180°, and a
     * track that would cross a pole is held at ±89.9999° (no ship or aircraft report does that
     * between two fixes).
     */
    public static GeoPoint deadReckon(GeoPoint from, double courseDegrees, double speedKnots, double seconds) {
        if (speedKnots == 0 || seconds == 0) {
            return from;
        }
        double d = speedKnots * KNOT * seconds;
        double c = Math.toRadians(courseDegrees);
        double lat0 = Math.toRadians(from.latitude());
        double dNorth = d * Math.cos(c);
        double dEast = d * Math.sin(c);
        double lat1 = lat0 + dNorth / meridionalRadius(Math.sin(lat0));
        // a second pass at the mean latitude makes the step second-order accurate
        double mid = 0.5 * (lat0 + lat1);
        lat1 = lat0 + dNorth / meridionalRadius(Math.sin(mid));
        mid = 0.5 * (lat0 + lat1);
        double limit = Math.toRadians(89.9999);
        double latEnd = Math.max(-limit, Math.min(limit, lat1));
        double cosMid = Math.max(Math.cos(Math.max(-limit, Math.min(limit, mid))), 1e-9);
        double dLon = dEast / (primeVerticalRadius(Math.sin(mid)) * cosMid);
        return new GeoPoint(Math.toDegrees(latEnd), normalizeLongitude(from.longitude() + Math.toDegrees(dLon)));
    }

    /** Angle between two points on the mean sphere, radians (haversine form, exact on the sphere). */
    public static double centralAngle(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Great-circle distance on the mean sphere, nautical miles (within 0.5 % of the ellipsoid's). */
    public static double sphericalDistanceNm(GeoPoint a, GeoPoint b) {
        return centralAngle(a.latitude(), a.longitude(), b.latitude(), b.longitude()) * MEAN_RADIUS / NM;
    }
}
