package org.macm.encounter.geo;

import org.macm.encounter.GeoPoint;

/**
 * Vincenty's inverse and direct formulas on the WGS 84 ellipsoid (T. Vincenty, Survey Review
 * 23(176), 1975), iterated to 1e-12 rad: sub-millimetre for the distances the tests use. The
 * reference the engine's approximations are measured against; checked against Vincenty's own
 * published example in {@code VincentyTest}. Test code only.
 */
public final class Vincenty {
    private static final double A = Earth.A;
    private static final double F = Earth.F;
    private static final double B = A * (1 - F);

    private Vincenty() {}

    /** Geodesic distance in metres. */
    public static double distance(GeoPoint p1, GeoPoint p2) {
        return inverse(p1, p2)[0];
    }

    /** {distance m, initial azimuth deg}. */
    public static double[] inverse(GeoPoint p1, GeoPoint p2) {
        double l = Math.toRadians(p2.longitude() - p1.longitude());
        double u1 = Math.atan((1 - F) * Math.tan(Math.toRadians(p1.latitude())));
        double u2 = Math.atan((1 - F) * Math.tan(Math.toRadians(p2.latitude())));
        double sinU1 = Math.sin(u1);
        double cosU1 = Math.cos(u1);
        double sinU2 = Math.sin(u2);
        double cosU2 = Math.cos(u2);
        double lambda = l;
        double sinSigma = 0;
        double cosSigma = 0;
        double sigma = 0;
        double cos2Alpha = 0;
        double cos2SigmaM = 0;
        double sinLambda = 0;
        double cosLambda = 0;
        for (int i = 0; i < 200; i++) {
            sinLambda = Math.sin(lambda);
            cosLambda = Math.cos(lambda);
            double t1 = cosU2 * sinLambda;
            double t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
            sinSigma = Math.sqrt(t1 * t1 + t2 * t2);
            if (sinSigma == 0) {
                return new double[] {0, 0};
            }
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cos2Alpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
            double c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
            double previous = lambda;
            lambda = l + (1 - c) * F * sinAlpha
                    * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.abs(lambda - previous) < 1e-12) {
                break;
            }
        }
        double uSq = cos2Alpha * (A * A - B * B) / (B * B);
        double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        double s = B * bigA * (sigma - deltaSigma);
        double azimuth = Math.toDegrees(Math.atan2(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda));
        return new double[] {s, (azimuth + 360) % 360};
    }

    /** The point {@code metres} from {@code p} along the geodesic leaving at {@code azimuthDegrees}. */
    public static GeoPoint direct(GeoPoint p, double azimuthDegrees, double metres) {
        if (metres == 0) {
            return p;
        }
        double alpha1 = Math.toRadians(azimuthDegrees);
        double sinAlpha1 = Math.sin(alpha1);
        double cosAlpha1 = Math.cos(alpha1);
        double tanU1 = (1 - F) * Math.tan(Math.toRadians(p.latitude()));
        double cosU1 = 1 / Math.sqrt(1 + tanU1 * tanU1);
        double sinU1 = tanU1 * cosU1;
        double sigma1 = Math.atan2(tanU1, cosAlpha1);
        double sinAlpha = cosU1 * sinAlpha1;
        double cos2Alpha = 1 - sinAlpha * sinAlpha;
        double uSq = cos2Alpha * (A * A - B * B) / (B * B);
        double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        double sigma = metres / (B * bigA);
        double cos2SigmaM = 0;
        double sinSigma = 0;
        double cosSigma = 0;
        for (int i = 0; i < 200; i++) {
            cos2SigmaM = Math.cos(2 * sigma1 + sigma);
            sinSigma = Math.sin(sigma);
            cosSigma = Math.cos(sigma);
            double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                    - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
            double previous = sigma;
            sigma = metres / (B * bigA) + deltaSigma;
            if (Math.abs(sigma - previous) < 1e-12) {
                break;
            }
        }
        sinSigma = Math.sin(sigma);
        cosSigma = Math.cos(sigma);
        cos2SigmaM = Math.cos(2 * sigma1 + sigma);
        double x = sinU1 * sinSigma - cosU1 * cosSigma * cosAlpha1;
        double lat = Math.atan2(sinU1 * cosSigma + cosU1 * sinSigma * cosAlpha1, (1 - F) * Math.sqrt(sinAlpha * sinAlpha + x * x));
        double lambda = Math.atan2(sinSigma * sinAlpha1, cosU1 * cosSigma - sinU1 * sinSigma * cosAlpha1);
        double c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
        double l = lambda - (1 - c) * F * sinAlpha
                * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
        return new GeoPoint(Math.toDegrees(lat), Earth.normalizeLongitude(p.longitude() + Math.toDegrees(l)));
    }
}
