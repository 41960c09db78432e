package org.macm.encounter.ais;

import java.util.Optional;

/**
 * Rate of turn of a class A vessel. The AIS field is {@code ROT_AIS = 4.733 * sqrt(ROT)}
 * with ROT in degrees per minute, signed (positive to starboard); -128 means no turn
 * information (decoded as absent) and +-127 means "turning faster than 5 degrees per 30 s,
 * no turn indicator", which has a direction but no rate, hence its own case.
 */
public sealed interface RateOfTurn {

    /** A turn indicator's rate in degrees per minute, positive to starboard (right). */
    record Measured(double degreesPerMinute) implements RateOfTurn {}

    /** Turning faster than 5 degrees per 30 s to starboard ({@code true}) or port, rate unknown. */
    record Unmeasured(boolean toStarboard) implements RateOfTurn {}

    /** Decodes the signed 8-bit ROT_AIS field. */
    static Optional<RateOfTurn> fromAis(int rotAis) {
        if (rotAis <= -128 || rotAis > 127) {
            return Optional.empty();
        }
        if (rotAis == 127 || rotAis == -127) {
            return Optional.of(new Unmeasured(rotAis > 0));
        }
        double root = rotAis / 4.733;
        return Optional.of(new Measured(Math.copySign(root * root, rotAis)));
    }
}
