package org.macm.encounter.modes;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * DF4 (surveillance altitude reply) and DF20 (Comm-B altitude reply): the aircraft's
 * barometric altitude, sent when a ground radar or TCAS interrogates. The address is
 * recovered from the parity, so the decoder only accepts it for an aircraft it has heard
 * in a CRC-checked frame (unless configured otherwise); the Comm-B data of DF20 is not decoded.
 *
 * @param downlinkFormat 4 or 20
 * @param flightStatus the FS field, 0..7 (0 airborne, 1 on ground, 2..5 alert or SPI)
 * @param altitudeFeet the altitude code decoded (25 ft or 100 ft Gillham steps); absent when 0, an illegal Gillham code, or metric
 */
public record AltitudeReply(int downlinkFormat, int icao24, int flightStatus, OptionalInt altitudeFeet)
        implements ModeSMessage {
    public AltitudeReply {
        Objects.requireNonNull(altitudeFeet, "altitudeFeet");
    }
}
