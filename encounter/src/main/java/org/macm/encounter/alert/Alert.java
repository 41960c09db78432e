package org.macm.encounter.alert;

import java.time.Instant;

/**
 * A situation the watch reports: a predicted close encounter between two units of
 * different sides ({@link EncounterAlert}) or a unit inside the other side's zone
 * ({@link ZoneAlert}), or a safety message a party's unit sent ({@link SafetyAlert}). Each is a
 * snapshot of the figures at {@link #time()}.
 */
public sealed interface Alert permits EncounterAlert, ZoneAlert, SafetyAlert {

    /** Stable for the alert's whole life, e.g. {@code enc:mmsi:431999001/mmsi:412000101@2026-11-29T03:38:00Z}. */
    String id();

    /** When these figures were computed. */
    Instant time();
}
