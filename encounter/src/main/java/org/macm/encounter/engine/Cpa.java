package org.macm.encounter.engine;

import org.macm.encounter.geo.Earth;

/**
 * The closest point of approach of two tracks, in a local tangent plane. Reusable scratch:
 * {@link #evaluate} fills the fields, so judging a pair allocates nothing.
 *
 * <p>The plane touches the sphere at the normalised mean of the two reported positions' unit
 * vectors; each position is projected onto the plane's east and north axes (orthographic),
 * scaled by the WGS 84 radii of curvature there (N east, M north), and each velocity, taken
 * from the unit's own east/north at its position, is projected onto the same axes. That
 * handles the 180° meridian (no longitudes are subtracted) and the convergence of meridians
 * at high latitude (each velocity is rotated into the common frame). Both units then move in
 * straight lines at constant speed; the error against true rhumb-line motion on the ellipsoid
 * is measured in the tests and stated in docs/ENCOUNTER.md.
 */
final class Cpa {
    /**
     * Relative speeds below this (0.05 kn, squared, in m²/s²) count as no relative motion: two
     * ships on the same course and speed a few miles apart differ by that much only because
     * their "north" is not quite the same direction, and a TCPA of hours would mean nothing.
     */
    private static final double STILL = (0.05 * Earth.KNOT) * (0.05 * Earth.KNOT);
    /** Horizontal range now, metres. */
    double rangeM;
    /** Closest horizontal distance within the horizon, metres. */
    double cpaM;
    /** Time from now to the closest approach, seconds (negative when past; 0 for no relative motion). */
    double tcpaS;
    /** Vertical separation at {@code max(0, min(tcpa, horizon))}, feet; NaN when it does not apply or is unknown. */
    double verticalFt;
    /** Whether the thresholds are met within the horizon. */
    boolean conflict;
    /** Whether the thresholds times the clear factor are met within the horizon. */
    boolean near;
    /** Whether the pair was ruled out by distance alone, before any plane was set up. */
    boolean far;

    private double rx;
    private double ry;
    private double wx;
    private double wy;
    private double h0;
    private double w;
    private boolean vertical;

    /**
     * Judges {@code a} against {@code b} at {@code nowMillis} with horizontal threshold
     * {@code hM} metres, vertical {@code vFt} feet (NaN: none), horizon {@code horizonS}
     * seconds and hysteresis factor {@code factor}; pairs further apart than
     * {@code prefilterM} on the mean sphere are {@link #far} and nothing else is computed.
     */
    void evaluate(TrackSlot a, TrackSlot b, long nowMillis, double hM, double vFt, double horizonS, double factor, double prefilterM) {
        conflict = false;
        near = false;
        verticalFt = Double.NaN;
        double dx = a.px - b.px;
        double dy = a.py - b.py;
        double dz = a.pz - b.pz;
        double chord = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double angle = 2 * Math.asin(Math.min(1, chord / 2));
        double ox = a.px + b.px;
        double oy = a.py + b.py;
        double oz = a.pz + b.pz;
        double on = Math.sqrt(ox * ox + oy * oy + oz * oz);
        if (angle * Earth.MEAN_RADIUS > prefilterM || on < 1e-6) {
            far = true;
            rangeM = angle * Earth.MEAN_RADIUS;
            cpaM = rangeM;
            tcpaS = 0;
            return;
        }
        far = false;
        ox /= on;
        oy /= on;
        oz /= on;
        double h = Math.sqrt(ox * ox + oy * oy);
        double ex;
        double ey;
        if (h < 1e-12) {
            ex = 1;
            ey = 0;
        } else {
            ex = -oy / h;
            ey = ox / h;
        }
        // north = origin x east (east has no z component)
        double nx = -oz * ey;
        double ny = oz * ex;
        double nz = ox * ey - oy * ex;
        double scaleE = Earth.primeVerticalRadius(oz);
        double scaleN = Earth.meridionalRadius(oz);
        double dtA = (nowMillis - a.timeMillis) / 1000.0;
        double dtB = (nowMillis - b.timeMillis) / 1000.0;
        double vae = a.vx * ex + a.vy * ey;
        double van = a.vx * nx + a.vy * ny + a.vz * nz;
        double vbe = b.vx * ex + b.vy * ey;
        double vbn = b.vx * nx + b.vy * ny + b.vz * nz;
        double ae = (a.px * ex + a.py * ey) * scaleE + vae * dtA;
        double an = (a.px * nx + a.py * ny + a.pz * nz) * scaleN + van * dtA;
        double be = (b.px * ex + b.py * ey) * scaleE + vbe * dtB;
        double bn = (b.px * nx + b.py * ny + b.pz * nz) * scaleN + vbn * dtB;
        rx = be - ae;
        ry = bn - an;
        wx = vbe - vae;
        wy = vbn - van;
        rangeM = Math.sqrt(rx * rx + ry * ry);
        double ww = wx * wx + wy * wy;
        tcpaS = ww > STILL ? -(rx * wx + ry * wy) / ww : 0;
        double t = Math.max(0, Math.min(horizonS, tcpaS));
        double cx = rx + wx * t;
        double cy = ry + wy * t;
        cpaM = Math.sqrt(cx * cx + cy * cy);
        vertical = !Double.isNaN(vFt) && !Double.isNaN(a.altitudeFt) && !Double.isNaN(b.altitudeFt);
        if (vertical) {
            h0 = (b.altitudeFt + b.verticalRateFtPerS * dtB) - (a.altitudeFt + a.verticalRateFtPerS * dtA);
            w = b.verticalRateFtPerS - a.verticalRateFtPerS;
            verticalFt = Math.abs(h0 + w * t);
        }
        conflict = within(hM, vFt, horizonS);
        near = conflict || within(hM * factor, vFt * factor, horizonS);
    }

    /** Whether some time in [0, horizon] has horizontal separation at most {@code hM} and vertical at most {@code vFt}. */
    private boolean within(double hM, double vFt, double horizonS) {
        double lo = 0;
        double hi = horizonS;
        double ww = wx * wx + wy * wy;
        double c = rx * rx + ry * ry - hM * hM;
        if (ww <= STILL) {
            if (c > 0) {
                return false;
            }
        } else {
            double bq = rx * wx + ry * wy;
            double disc = bq * bq - ww * c;
            if (disc < 0) {
                return false;
            }
            double sq = Math.sqrt(disc);
            lo = Math.max(lo, (-bq - sq) / ww);
            hi = Math.min(hi, (-bq + sq) / ww);
            if (lo > hi) {
                return false;
            }
        }
        if (vertical) {
            if (Math.abs(w) < 1e-12) {
                return Math.abs(h0) <= vFt;
            }
            double t1 = (-vFt - h0) / w;
            double t2 = (vFt - h0) / w;
            lo = Math.max(lo, Math.min(t1, t2));
            hi = Math.min(hi, Math.max(t1, t2));
        }
        return lo <= hi;
    }
}
