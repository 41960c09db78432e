package org.macm.encounter.ais;

import java.util.Optional;

/**
 * Special manoeuvre indicator of a class A position report (e.g. a regional passing
 * arrangement). Code 0 ("not available") and the reserved code 3 are decoded as absent.
 */
public enum ManeuverIndicator {
    /** Code 1: not engaged in a special manoeuvre. */
    NO_SPECIAL_MANEUVER(1),
    /** Code 2: engaged in a special manoeuvre. */
    SPECIAL_MANEUVER(2);

    private final int code;

    ManeuverIndicator(int code) {
        this.code = code;
    }

    /** The ITU code, 1 or 2. */
    public int code() {
        return code;
    }

    /** The indicator for an ITU code; empty for 0 (not available) and 3 (reserved). */
    public static Optional<ManeuverIndicator> fromCode(int code) {
        return switch (code) {
            case 1 -> Optional.of(NO_SPECIAL_MANEUVER);
            case 2 -> Optional.of(SPECIAL_MANEUVER);
            default -> Optional.empty();
        };
    }
}
