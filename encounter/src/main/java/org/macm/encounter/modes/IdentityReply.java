package org.macm.encounter.modes;

import java.util.Objects;

/**
 * DF5 (surveillance identity reply) and DF21 (Comm-B identity reply): the Mode A code
 * (squawk) the crew set. The address is recovered from the parity, as in {@link AltitudeReply}.
 *
 * @param downlinkFormat 5 or 21
 * @param flightStatus the FS field, 0..7
 * @param squawk four octal digits, e.g. {@code 7500}
 */
public record IdentityReply(int downlinkFormat, int icao24, int flightStatus, String squawk) implements ModeSMessage {
    public IdentityReply {
        Objects.requireNonNull(squawk, "squawk");
    }
}
