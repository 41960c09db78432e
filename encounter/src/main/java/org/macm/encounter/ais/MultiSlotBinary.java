package org.macm.encounter.ais;

import java.util.Optional;
import java.util.OptionalInt;
import org.macm.encounter.ais.binary.ApplicationMessage;
import org.macm.encounter.ais.binary.BinaryData;

/**
 * Multiple slot binary message (type 26): binary data over up to five slots, broadcast or
 * addressed, with or without an application identifier, followed by the radio status. 60 to
 * 1064 bits:
 *
 * <pre>
 *  0..5 type   6..7 repeat   8..37 mmsi   38 addressed   39 structured
 * [30 bits destination mmsi, if addressed] [10 bits dac + 6 bits fi, if structured] data
 * last 20 bits: radio status (1 bit SOTDMA/ITDMA selector + 19 bits communication state)
 * </pre>
 *
 * @param addressed whether the message is for one station
 * @param structured whether it names its application (DAC and FI)
 * @param destinationMmsi the station it is for, when addressed
 * @param dac designated area code, when structured
 * @param fi function identifier, when structured
 * @param data the bits between the header and the radio status
 * @param application the decoded application message, when structured and the pair is known
 * @param radio the radio status, 20 bits as sent
 */
public record MultiSlotBinary(int repeat, int mmsi, boolean addressed, boolean structured,
        OptionalInt destinationMmsi, OptionalInt dac, OptionalInt fi, BinaryData data,
        Optional<ApplicationMessage> application, int radio) implements AisMessage {

    @Override
    public int messageType() {
        return 26;
    }
}
