package org.macm.encounter.alert;

import org.macm.encounter.json.UnitKind;

/** Which thresholds judge a pair of units: two at sea, two in the air, or one of each. */
public enum PairKind {
    /** Two vessels. */
    SURFACE,
    /** Two aircraft: horizontal and vertical separation. */
    AIR,
    /** A vessel and an aircraft: a low pass over a ship. */
    MIXED;

    /** The kind of a pair of units of kinds {@code a} and {@code b}. */
    public static PairKind of(UnitKind a, UnitKind b) {
        if (a == UnitKind.VESSEL && b == UnitKind.VESSEL) {
            return SURFACE;
        }
        return a == UnitKind.AIRCRAFT && b == UnitKind.AIRCRAFT ? AIR : MIXED;
    }
}
