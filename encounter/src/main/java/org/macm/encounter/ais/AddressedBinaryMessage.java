package org.macm.encounter.ais;

import java.util.Optional;
import org.macm.encounter.ais.binary.ApplicationMessage;
import org.macm.encounter.ais.binary.BinaryData;

/**
 * Addressed binary message (type 6): application data from one station to another, e.g. an
 * IMO 289 berthing notice or a lighthouse's monitoring data. The application is named by its
 * designated area code and function identifier; when this module knows it, {@code application}
 * holds it decoded, and {@code data} always holds the raw bits. 88 to 1008 bits:
 *
 * <pre>
 *  0..5 type   6..7 repeat   8..37 mmsi   38..39 sequence   40..69 destination mmsi
 * 70 retransmitted   71 spare   72..81 dac   82..87 fi   88.. data (up to 920 bits)
 * </pre>
 *
 * @param sequence the sender's sequence number for addressed messages (0..3)
 * @param destinationMmsi the station the data is for
 * @param retransmitted whether a station retransmitted it
 * @param dac designated area code: 1 international, else a country's MID
 * @param fi function identifier within the DAC
 * @param data the bits after the FI
 * @param application the decoded application message, when the DAC/FI pair is known
 */
public record AddressedBinaryMessage(int repeat, int mmsi, int sequence, int destinationMmsi, boolean retransmitted,
        int dac, int fi, BinaryData data, Optional<ApplicationMessage> application) implements AisMessage {

    @Override
    public int messageType() {
        return 6;
    }
}
