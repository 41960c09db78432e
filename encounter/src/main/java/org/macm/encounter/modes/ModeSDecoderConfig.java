package org.macm.encounter.modes;

import org.macm.encounter.EncounterException;

/**
 * How strict a {@link ModeSDecoder} is with replies whose parity is overlaid with the
 * address (DF4/5/20/21): their CRC cannot be checked on its own, so any bit error yields
 * some address. By default the decoder accepts such a reply only when that address was
 * heard in a CRC-checked frame (DF11, DF17/18) among the last {@code knownAddresses}
 * aircraft, as dump1090 and readsb do.
 *
 * @param knownAddresses how many recently heard addresses to remember, at least 1
 * @param acceptUnverifiedReplies accept DF4/5/20/21 from any address (a corpus without squitters, a test)
 */
public record ModeSDecoderConfig(int knownAddresses, boolean acceptUnverifiedReplies) {
    /** The defaults: 65,536 addresses (more than any receiver hears at once), verified replies only. */
    public static final ModeSDecoderConfig DEFAULT = new ModeSDecoderConfig(65_536, false);

    public ModeSDecoderConfig {
        if (knownAddresses < 1) {
            throw new EncounterException("knownAddresses must be at least 1, got " + knownAddresses);
        }
    }
}
