package org.macm.encounter.modes;

/** What an airborne velocity's speed is: over the ground (subtypes 1, 2) or through the air (3, 4). */
public enum SpeedKind {
    /** Ground speed; the direction is the track over ground. */
    GROUND,
    /** Indicated airspeed; the direction, when present, is the magnetic heading. */
    INDICATED_AIRSPEED,
    /** True airspeed; the direction, when present, is the magnetic heading. */
    TRUE_AIRSPEED
}
