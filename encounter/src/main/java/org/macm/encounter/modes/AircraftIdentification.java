package org.macm.encounter.modes;

import java.util.Objects;

/**
 * Extended squitter type codes 1..4: the flight identification (call sign) and the wake
 * vortex category an aircraft broadcasts every five seconds.
 *
 * @param downlinkFormat 17 or 18
 * @param icao24 the aircraft's address
 * @param typeCode 1..4 (4: category set A, 3: B, 2: C, 1: D)
 * @param category the emitter category, e.g. {@code A3} (large aircraft); {@code A0} means "no information"
 * @param callsign up to eight characters, leading and trailing spaces removed; may be empty
 */
public record AircraftIdentification(int downlinkFormat, int icao24, int typeCode, String category, String callsign)
        implements ModeSMessage {
    public AircraftIdentification {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(callsign, "callsign");
    }
}
