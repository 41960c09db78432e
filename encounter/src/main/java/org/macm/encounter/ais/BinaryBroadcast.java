package org.macm.encounter.ais;

import java.util.Optional;
import org.macm.encounter.ais.binary.ApplicationMessage;
import org.macm.encounter.ais.binary.BinaryData;

/**
 * Binary broadcast message (type 8): application data to all stations, e.g. IMO 289
 * meteorological and hydrographic data or an area notice. As in type 6, {@code data} holds
 * the raw bits and {@code application} the decoded message when the DAC/FI pair is known.
 * 56 to 1008 bits:
 *
 * <pre>
 *  0..5 type   6..7 repeat   8..37 mmsi   38..39 spare   40..49 dac   50..55 fi
 * 56.. data (up to 952 bits)
 * </pre>
 *
 * @param dac designated area code: 1 international, else a country's MID
 * @param fi function identifier within the DAC
 * @param data the bits after the FI
 * @param application the decoded application message, when the DAC/FI pair is known
 */
public record BinaryBroadcast(int repeat, int mmsi, int dac, int fi, BinaryData data,
        Optional<ApplicationMessage> application) implements AisMessage {

    @Override
    public int messageType() {
        return 8;
    }
}
