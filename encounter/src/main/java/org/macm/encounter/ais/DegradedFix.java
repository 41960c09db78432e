package org.macm.encounter.ais;

import java.util.Optional;

/**
 * Why a position report's time stamp is missing when the reason is the position itself: the
 * ITU time-stamp field (seconds 0..59) uses 61, 62 and 63 to say that the position was typed
 * in, dead-reckoned, or comes from an inoperative fixing system. The watch treats such
 * positions as less trustworthy. Code 60 (time stamp simply not available) is not one.
 */
public enum DegradedFix {
    /** Code 61: positioning system in manual input mode. */
    MANUAL_INPUT(61),
    /** Code 62: electronic position fixing system in estimated (dead reckoning) mode. */
    DEAD_RECKONING(62),
    /** Code 63: positioning system inoperative. */
    INOPERATIVE(63);

    private final int code;

    DegradedFix(int code) {
        this.code = code;
    }

    /** The ITU time-stamp code, 61..63. */
    public int code() {
        return code;
    }

    /** The degraded fix a time-stamp field signals, if any. */
    public static Optional<DegradedFix> fromTimeStamp(int timeStamp) {
        return switch (timeStamp) {
            case 61 -> Optional.of(MANUAL_INPUT);
            case 62 -> Optional.of(DEAD_RECKONING);
            case 63 -> Optional.of(INOPERATIVE);
            default -> Optional.empty();
        };
    }
}
