package org.macm.encounter.sbs;

import java.util.Optional;

/**
 * The transmission type of an SBS-1 {@code MSG} line, i.e. which Mode S message the
 * receiver decoded and therefore which fields the line can carry.
 */
public enum SbsTransmission {
    /** MSG,1: extended squitter identification and category (call sign). */
    ES_IDENTIFICATION(1),
    /** MSG,2: extended squitter surface position (speed, track, position, on ground). */
    ES_SURFACE_POSITION(2),
    /** MSG,3: extended squitter airborne position (altitude, position). */
    ES_AIRBORNE_POSITION(3),
    /** MSG,4: extended squitter airborne velocity (speed, track, vertical rate). */
    ES_AIRBORNE_VELOCITY(4),
    /** MSG,5: surveillance altitude reply. */
    SURVEILLANCE_ALTITUDE(5),
    /** MSG,6: surveillance identity reply (squawk). */
    SURVEILLANCE_IDENTITY(6),
    /** MSG,7: air-to-air message (altitude). */
    AIR_TO_AIR(7),
    /** MSG,8: all-call reply (address only). */
    ALL_CALL_REPLY(8);

    private static final SbsTransmission[] ALL = values();

    private final int code;

    SbsTransmission(int code) {
        this.code = code;
    }

    /** The number after {@code MSG,}. */
    public int code() {
        return code;
    }

    /** The transmission type for a code 1..8. */
    public static Optional<SbsTransmission> fromCode(long code) {
        for (SbsTransmission t : ALL) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
