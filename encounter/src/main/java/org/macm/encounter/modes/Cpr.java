package org.macm.encounter.modes;

import java.util.Optional;
import org.macm.encounter.GeoPoint;

/**
 * Compact Position Reporting (ICAO Doc 9871, RTCA DO-260B A.1.7): ADS-B sends a position
 * as 17-bit fractions of a latitude zone and a longitude zone, in an even grid (60 latitude
 * zones) and an odd one (59). One half is ambiguous; an even/odd pair received within a few
 * seconds is not (global decoding), nor is one half near a known reference (local
 * decoding: within 180 NM airborne, 45 NM on the surface). Surface grids are four times
 * finer, so a surface pair still leaves candidates 90 degrees apart; a reference picks one.
 */
public final class Cpr {
    private static final double SCALE = 131072.0;
    private static final int NZ = 15;
    /** TRANSITIONS[n]: the latitude above which NL drops below n, for n = 2..59 (the standard's closed form). */
    private static final double[] TRANSITIONS = transitions();

    private Cpr() {}

    private static double[] transitions() {
        double[] t = new double[60];
        double a = 1 - Math.cos(Math.PI / (2 * NZ));
        for (int n = 2; n < 60; n++) {
            t[n] = Math.toDegrees(Math.acos(Math.sqrt(a / (1 - Math.cos(2 * Math.PI / n)))));
        }
        return t;
    }

    /** The number of longitude zones at {@code latitude}, 1..59. */
    public static int longitudeZones(double latitude) {
        double lat = Math.abs(latitude);
        if (lat >= 87.0) {
            return lat > 87.0 ? 1 : 2;
        }
        int n = 59;
        while (n > 1 && lat >= TRANSITIONS[n]) {
            n--;
        }
        return n;
    }

    /**
     * An airborne position from an even half and an odd half received close together (10 s
     * apart at most is safe); the latitude of the newer half is used. Empty when the halves
     * straddle a longitude-zone boundary (they belong to different zones: wait for the next
     * pair) or decode outside the globe.
     */
    public static Optional<GeoPoint> airborneGlobal(int evenLat, int evenLon, int oddLat, int oddLon, boolean oddIsNewer) {
        return global(360.0, evenLat, evenLon, oddLat, oddLon, oddIsNewer)
                .flatMap(p -> point(p[0], normalize(p[1])));
    }

    /**
     * A surface position from an even and an odd half (25 s apart at most) and a reference
     * within 45 NM of the aircraft (the receiver, or the aircraft's last known place), which
     * picks one of the four candidates.
     */
    public static Optional<GeoPoint> surfaceGlobal(int evenLat, int evenLon, int oddLat, int oddLon, boolean oddIsNewer,
            GeoPoint reference) {
        return global(90.0, evenLat, evenLon, oddLat, oddLon, oddIsNewer).flatMap(p -> {
            double lat = p[0];
            double south = lat - 90.0;
            if (Math.abs(south - reference.latitude()) < Math.abs(lat - reference.latitude())) {
                lat = south;
            }
            double lon = p[1];
            double best = Double.NaN;
            for (int k = 0; k < 4; k++) {
                double candidate = normalize(lon + 90.0 * k);
                if (Double.isNaN(best) || angle(candidate, reference.longitude()) < angle(best, reference.longitude())) {
                    best = candidate;
                }
            }
            return point(lat, best);
        });
    }

    /** An airborne position from one half and a reference within 180 NM of the aircraft. */
    public static Optional<GeoPoint> airborneLocal(int cprLat, int cprLon, boolean odd, GeoPoint reference) {
        return local(360.0, cprLat, cprLon, odd, reference);
    }

    /** A surface position from one half and a reference within 45 NM of the aircraft. */
    public static Optional<GeoPoint> surfaceLocal(int cprLat, int cprLon, boolean odd, GeoPoint reference) {
        return local(90.0, cprLat, cprLon, odd, reference);
    }

    /** {latitude, longitude in [0, span)}, or empty on a zone straddle; latitude still in the northern-first form for surface. */
    private static Optional<double[]> global(double span, int evenLat, int evenLon, int oddLat, int oddLon, boolean oddIsNewer) {
        double latE = evenLat / SCALE;
        double latO = oddLat / SCALE;
        double dLatE = span / 60.0;
        double dLatO = span / 59.0;
        double j = Math.floor(59 * latE - 60 * latO + 0.5);
        double rlatE = dLatE * (mod(j, 60) + latE);
        double rlatO = dLatO * (mod(j, 59) + latO);
        if (span == 360.0) {
            rlatE = rlatE >= 270.0 ? rlatE - 360.0 : rlatE;
            rlatO = rlatO >= 270.0 ? rlatO - 360.0 : rlatO;
        }
        if (Math.abs(rlatE) > 90.0 || Math.abs(rlatO) > 90.0) {
            return Optional.empty();
        }
        int nl = longitudeZones(rlatE);
        if (nl != longitudeZones(rlatO)) {
            return Optional.empty();
        }
        double lat = oddIsNewer ? rlatO : rlatE;
        int ni = Math.max(oddIsNewer ? nl - 1 : nl, 1);
        double m = Math.floor(evenLon / SCALE * (nl - 1) - oddLon / SCALE * nl + 0.5);
        double lon = span / ni * (mod(m, ni) + (oddIsNewer ? oddLon : evenLon) / SCALE);
        return Optional.of(new double[] {lat, lon});
    }

    private static Optional<GeoPoint> local(double span, int cprLat, int cprLon, boolean odd, GeoPoint reference) {
        int i = odd ? 1 : 0;
        double dLat = span / (60 - i);
        double yz = cprLat / SCALE;
        double j = Math.floor(reference.latitude() / dLat)
                + Math.floor(0.5 + mod(reference.latitude(), dLat) / dLat - yz);
        double lat = dLat * (j + yz);
        int ni = longitudeZones(lat) - i;
        double dLon = ni > 0 ? span / ni : span;
        double xz = cprLon / SCALE;
        double m = Math.floor(reference.longitude() / dLon)
                + Math.floor(0.5 + mod(reference.longitude(), dLon) / dLon - xz);
        return point(lat, normalize(dLon * (m + xz)));
    }

    private static double mod(double a, double b) {
        double r = a % b;
        return r < 0 ? r + b : r;
    }

    private static double normalize(double lon) {
        double l = mod(lon + 180.0, 360.0) - 180.0;
        return l;
    }

    private static double angle(double a, double b) {
        double d = Math.abs(a - b) % 360.0;
        return d > 180.0 ? 360.0 - d : d;
    }

    private static Optional<GeoPoint> point(double lat, double lon) {
        return GeoPoint.isValid(lat, lon) && Double.isFinite(lat) && Double.isFinite(lon)
                ? Optional.of(new GeoPoint(lat, lon)) : Optional.empty();
    }
}
