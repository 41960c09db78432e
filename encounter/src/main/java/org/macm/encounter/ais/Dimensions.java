package org.macm.encounter.ais;

import java.util.Optional;

/**
 * Where the reported position's reference point sits on the hull, in metres to bow, stern,
 * port and starboard. 511 (bow, stern) and 63 (port, starboard) mean "that much or more".
 * All four zero means "not available" and is decoded as absent dimensions; a single zero is
 * real (the reference point is at that edge).
 */
public record Dimensions(int toBow, int toStern, int toPort, int toStarboard) {

    /** Overall length in metres. */
    public int length() {
        return toBow + toStern;
    }

    /** Overall beam in metres. */
    public int beam() {
        return toPort + toStarboard;
    }

    static Optional<Dimensions> of(int toBow, int toStern, int toPort, int toStarboard) {
        if (toBow == 0 && toStern == 0 && toPort == 0 && toStarboard == 0) {
            return Optional.empty();
        }
        return Optional.of(new Dimensions(toBow, toStern, toPort, toStarboard));
    }
}
