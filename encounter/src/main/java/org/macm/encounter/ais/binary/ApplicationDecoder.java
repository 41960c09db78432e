package org.macm.encounter.ais.binary;

import java.util.Optional;

/**
 * Decodes the application data of an AIS binary message by its DAC and FI. Returns empty for
 * an application it does not know or data too short for its layout; never throws on any
 * input, since the bits come from the radio.
 */
public final class ApplicationDecoder {

    /**
     * The application message in {@code data}, if this decoder knows {@code (dac, fi)}.
     *
     * @param addressed whether the envelope was addressed (type 6, or 25/26 with the flag),
     *     since a few FIs have different layouts for the two
     */
    public Optional<ApplicationMessage> decode(int dac, int fi, boolean addressed, BinaryData data) {
        return Optional.empty();
    }
}
