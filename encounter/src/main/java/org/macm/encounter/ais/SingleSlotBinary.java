package org.macm.encounter.ais;

import java.util.Optional;
import java.util.OptionalInt;
import org.macm.encounter.ais.binary.ApplicationMessage;
import org.macm.encounter.ais.binary.BinaryData;

/**
 * Single slot binary message (type 25): short binary data, broadcast or addressed, with or
 * without an application identifier (DAC and FI). 40 to 168 bits:
 *
 * <pre>
 *  0..5 type   6..7 repeat   8..37 mmsi   38 addressed   39 structured
 * [30 bits destination mmsi, if addressed] [10 bits dac + 6 bits fi, if structured] data
 * </pre>
 *
 * @param addressed whether the message is for one station
 * @param structured whether it names its application (DAC and FI)
 * @param destinationMmsi the station it is for, when addressed
 * @param dac designated area code, when structured
 * @param fi function identifier, when structured
 * @param data the bits after the header
 * @param application the decoded application message, when structured and the pair is known
 */
public record SingleSlotBinary(int repeat, int mmsi, boolean addressed, boolean structured,
        OptionalInt destinationMmsi, OptionalInt dac, OptionalInt fi, BinaryData data,
        Optional<ApplicationMessage> application) implements AisMessage {

    @Override
    public int messageType() {
        return 25;
    }
}
