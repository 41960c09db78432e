package org.macm.encounter.modes;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.macm.encounter.decode.DecodeResult;
import org.macm.encounter.decode.RejectReason;

/**
 * The 56-bit ME field of DF17/18 (bits 33..88 of the frame), by type code (DO-260B 2.2.3.2):
 * 1..4 identification, 5..8 surface position, 9..18 and 20..22 airborne position, 19
 * airborne velocity. Other type codes (status, target state, operational status) are
 * counted as unsupported. Package-private; the frame's CRC is already checked.
 */
final class ExtendedSquitter {
    /** Bit number of ME bit 1 in the frame. */
    private static final int ME = 33;
    private static final char[] CATEGORY_SET = {' ', 'D', 'C', 'B', 'A'};

    private ExtendedSquitter() {}

    static DecodeResult<ModeSMessage> decode(int df, int icao, ModeSFrame f) {
        int tc = (int) me(f, 1, 5);
        if (tc >= 1 && tc <= 4) {
            String category = CATEGORY_SET[tc] + Integer.toString((int) me(f, 6, 3));
            return ok(new AircraftIdentification(df, icao, tc, category, Codes.callsign(me(f, 9, 48))));
        }
        if (tc >= 5 && tc <= 8) {
            boolean trackValid = me(f, 13, 1) == 1;
            OptionalDouble track = trackValid ? OptionalDouble.of(me(f, 14, 7) * 360.0 / 128) : OptionalDouble.empty();
            return ok(new SurfacePosition(df, icao, tc, Codes.movement((int) me(f, 6, 7)), track,
                    me(f, 21, 1) == 1, me(f, 22, 1) == 1, (int) me(f, 23, 17), (int) me(f, 40, 17)));
        }
        if ((tc >= 9 && tc <= 18) || (tc >= 20 && tc <= 22)) {
            int code = (int) me(f, 9, 12);
            boolean gnss = tc >= 20;
            OptionalInt altitude = gnss
                    ? (code == 0 ? OptionalInt.empty() : OptionalInt.of(Codes.feet(code)))
                    : Codes.altitude12(code);
            return ok(new AirbornePosition(df, icao, tc, (int) me(f, 6, 2), altitude,
                    gnss ? AltitudeSource.GNSS : AltitudeSource.BAROMETRIC,
                    me(f, 21, 1) == 1, me(f, 22, 1) == 1, (int) me(f, 23, 17), (int) me(f, 40, 17)));
        }
        if (tc == 19) {
            return velocity(df, icao, f);
        }
        return new DecodeResult.Rejected<>(RejectReason.UNSUPPORTED_TYPE,
                "extended squitter type code " + tc + " is not decoded (only 1..22)");
    }

    private static DecodeResult<ModeSMessage> velocity(int df, int icao, ModeSFrame f) {
        int subtype = (int) me(f, 6, 3);
        if (subtype < 1 || subtype > 4) {
            return new DecodeResult.Rejected<>(RejectReason.UNSUPPORTED_TYPE,
                    "airborne velocity subtype " + subtype + " is reserved (only 1..4)");
        }
        int factor = subtype == 2 || subtype == 4 ? 4 : 1;
        OptionalDouble speed;
        OptionalDouble direction;
        SpeedKind kind;
        if (subtype <= 2) {
            kind = SpeedKind.GROUND;
            int vew = (int) me(f, 15, 10);
            int vns = (int) me(f, 26, 10);
            if (vew == 0 || vns == 0) {
                speed = OptionalDouble.empty();
                direction = OptionalDouble.empty();
            } else {
                double vx = (vew - 1) * factor * (me(f, 14, 1) == 1 ? -1.0 : 1.0);
                double vy = (vns - 1) * factor * (me(f, 25, 1) == 1 ? -1.0 : 1.0);
                speed = OptionalDouble.of(Math.hypot(vx, vy));
                double track = Math.toDegrees(Math.atan2(vx, vy));
                track = track < 0 ? track + 360.0 : track;
                direction = OptionalDouble.of(track >= 360.0 ? 0.0 : track);
            }
        } else {
            kind = me(f, 25, 1) == 1 ? SpeedKind.TRUE_AIRSPEED : SpeedKind.INDICATED_AIRSPEED;
            int airspeed = (int) me(f, 26, 10);
            speed = airspeed == 0 ? OptionalDouble.empty() : OptionalDouble.of((airspeed - 1) * factor);
            direction = me(f, 14, 1) == 1 ? OptionalDouble.of(me(f, 15, 10) * 360.0 / 1024) : OptionalDouble.empty();
        }
        int vr = (int) me(f, 38, 9);
        OptionalInt verticalRate = vr == 0 ? OptionalInt.empty()
                : OptionalInt.of((vr - 1) * 64 * (me(f, 37, 1) == 1 ? -1 : 1));
        int diff = (int) me(f, 50, 7);
        // 0 is "no information", 127 "more than 3,137.5 ft": neither is a difference one can use.
        OptionalInt gnssMinusBaro = diff == 0 || diff == 127 ? OptionalInt.empty()
                : OptionalInt.of((diff - 1) * 25 * (me(f, 49, 1) == 1 ? -1 : 1));
        AltitudeSource source = me(f, 36, 1) == 1 ? AltitudeSource.BAROMETRIC : AltitudeSource.GNSS;
        return ok(new AirborneVelocity(df, icao, subtype, kind, speed, direction, verticalRate, source, gnssMinusBaro));
    }

    /** {@code count} bits from ME bit {@code first} (1-based). */
    private static long me(ModeSFrame f, int first, int count) {
        return f.bits(ME + first - 1, count);
    }

    private static DecodeResult<ModeSMessage> ok(ModeSMessage m) {
        return new DecodeResult.Decoded<>(m);
    }
}
