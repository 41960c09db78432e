package org.macm.encounter.modes;

import java.util.Locale;

/**
 * One decoded Mode S downlink: what an aircraft's transponder said, after the frame's CRC
 * (or, for replies whose parity is overlaid with the address, the address) was checked.
 * The closed set of what MACM decodes: extended squitter (DF17/18) identification, airborne
 * and surface position and airborne velocity, surveillance altitude and identity replies
 * (DF4/5/20/21) and all-call replies (DF11). Positions stay in their CPR form here; a
 * {@link ModeSTrackAdapter} pairs them into places with {@link Cpr}.
 */
public sealed interface ModeSMessage
        permits AircraftIdentification, AirbornePosition, SurfacePosition, AirborneVelocity, AltitudeReply,
                IdentityReply, AllCallReply {

    /** The downlink format, 0..24: the first five bits of the frame. */
    int downlinkFormat();

    /** The aircraft's 24-bit ICAO address (from the AA field, or recovered from the parity). */
    int icao24();

    /** The address as six upper-case hex digits, as receivers print it. */
    default String icaoHex() {
        return String.format(Locale.ROOT, "%06X", icao24());
    }
}
