package org.macm.encounter.json;

/** Whether a tracked unit moves on the surface or in the air, which decides how encounters are judged. */
public enum UnitKind {
    VESSEL,
    AIRCRAFT
}
